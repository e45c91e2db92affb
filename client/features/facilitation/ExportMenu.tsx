import { useState } from 'react'
import { fetchExport, saveBlob, type ExportFormat } from '../../api/facilitation'
import { useSession } from '../../hooks/useSession'
import { useT } from '../../i18n/useT'
import { Popover } from './Popover'

const FORMATS: ExportFormat[] = ['md', 'html', 'json', 'csv']

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat }
  | { kind: 'done'; filename: string }
  | { kind: 'error'; reason: string }

/** Downloads the workshop's synthesis (Markdown, HTML), the whole workshop (JSON) or the votes (CSV). */
export function ExportMenu() {
  const t = useT()
  return (
    <Popover label={t('exports.menu')} panelClassName="export-panel">
      {() => <ExportPanel />}
    </Popover>
  )
}

function ExportPanel() {
  const t = useT()
  const session = useSession()
  const [state, setState] = useState<State>({ kind: 'idle' })
  const download = async (format: ExportFormat) => {
    if (!session) return
    setState({ kind: 'busy', format })
    const result = await fetchExport(session.workshopId, session.token, format)
    if (!result.ok) return setState({ kind: 'error', reason: result.reason })
    saveBlob(result.blob, result.filename)
    setState({ kind: 'done', filename: result.filename })
  }
  return (
    <div className="panel-stack">
      <p className="panel-title">{t('exports.title')}</p>
      <div className="tool-list">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="tool tool--export"
            disabled={state.kind === 'busy'}
            onClick={() => void download(format)}
          >
            <span className="tool__format">{format.toUpperCase()}</span>
            <span>
              {t(`exports.${format}`)}
              <span className="tool__hint">{t(`exports.${format}Hint`)}</span>
            </span>
          </button>
        ))}
      </div>
      <p className={state.kind === 'error' ? 'field__error' : 'field__hint'} role="status">
        {state.kind === 'busy'
          ? t('exports.busy')
          : state.kind === 'done'
            ? t('exports.done', { file: state.filename })
            : state.kind === 'error'
              ? t(
                  `exports.error.${state.reason === 'unavailable' || state.reason === 'unauthorized' || state.reason === 'network' ? state.reason : 'failed'}`,
                )
              : ''}
      </p>
    </div>
  )
}
