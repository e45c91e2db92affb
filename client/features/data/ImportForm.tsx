import { useId, useMemo, useState, type DragEvent } from 'react'
import { importableIndicators, parseIndicatorCsv } from '../../../shared/indicators'
import type { ImportMode } from '../../../shared/ops'
import { useIndicatorCount } from '../../hooks/useIndicatorCount'
import { useT, type Translate } from '../../i18n/useT'
import { refusalMessage } from '../../store/actions/commands'
import { importIndicatorFile, type ImportOutcome } from './actions'
import { ImportPreview } from './ImportPreview'
import { readFileText } from './readFileText'

interface ChosenFile {
  name: string
  text: string
}

/**
 * Import of an indicator file: choose or drop it, read the preview (the same parser the server runs, so a file that
 * previews clean imports clean), keep or replace what is there, then import it all at once.
 */
export function ImportForm() {
  const t = useT()
  const inputId = useId()
  const existing = useIndicatorCount()
  const [chosen, setChosen] = useState<ChosenFile | null>(null)
  const [reading, setReading] = useState<'idle' | 'reading' | 'failed'>('idle')
  const [mode, setMode] = useState<ImportMode>('append')
  const [sending, setSending] = useState(false)
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)
  const [dragging, setDragging] = useState(false)
  const parsed = useMemo(() => (chosen ? parseIndicatorCsv(chosen.text) : null), [chosen])
  const rows = parsed ? importableIndicators(parsed) : null

  async function choose(file: File | undefined) {
    if (!file) return
    setOutcome(null)
    setReading('reading')
    try {
      setChosen({ name: file.name, text: await readFileText(file) })
      setReading('idle')
    } catch {
      setChosen(null)
      setReading('failed')
    }
  }

  async function submit() {
    if (!chosen || !rows) return
    setSending(true)
    const result = await importIndicatorFile(chosen.text, existing > 0 ? mode : 'append')
    setSending(false)
    setOutcome(result)
    if (result.ok) setChosen(null)
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    void choose(event.dataTransfer.files[0])
  }

  return (
    <section className="data-import" aria-labelledby={`${inputId}-heading`}>
      <h4 id={`${inputId}-heading`} className="data-manager__heading">
        {t('data.import.heading')}
      </h4>
      <div
        className={`data-drop${dragging ? ' data-drop--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('data.import.drop')}</p>
        <div className="data-drop__choose">
          {/* The browser's own file button speaks the browser's language: a labelled button of ours stands in. */}
          <input
            id={inputId}
            className="data-drop__input"
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-label={t('data.import.file')}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => {
              void choose(event.target.files?.[0])
              event.target.value = ''
            }}
          />
          <label htmlFor={inputId} className="button data-drop__button" aria-hidden="true">
            {t('data.import.choose')}
          </label>
          {chosen ? <span className="data-drop__name">{chosen.name}</span> : null}
        </div>
        <p id={`${inputId}-hint`} className="data-drop__hint">
          {t('data.import.hint')}
        </p>
      </div>

      <div role="status" className="data-import__status">
        {reading === 'reading' ? t('data.import.reading') : null}
        {reading === 'failed' ? t('data.import.readError') : null}
        {parsed && !rows ? t('data.import.problems', { count: Math.max(1, parsed.issues.length) }) : null}
        {rows ? t('data.import.ready', { count: rows.length }) : null}
        {outcome?.ok ? t('data.import.done', { imported: outcome.imported, pinned: outcome.pinned }) : null}
        {outcome && !outcome.ok ? t('data.import.refused', { reason: refusalReason(t, outcome) }) : null}
      </div>

      {parsed && chosen ? <ImportPreview file={parsed} name={chosen.name} /> : null}

      {rows ? (
        <div className="data-import__send">
          {existing > 0 ? (
            <fieldset className="data-import__mode">
              <legend>{t('data.import.mode')}</legend>
              {(['append', 'replace'] as const).map((value) => (
                <label key={value}>
                  <input type="radio" name={`${inputId}-mode`} value={value} checked={mode === value} onChange={() => setMode(value)} />
                  {t(`data.import.${value}`)}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={sending} onClick={() => void submit()}>
              {sending ? t('data.import.sending') : t('data.import.submit')}
            </button>
            <button type="button" className="button button--ghost" disabled={sending} onClick={() => setChosen(null)}>
              {t('data.import.clear')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  )
}

/** The server's own words when it gave some (the broken lines), else the refusal's usual message. */
function refusalReason(t: Translate, outcome: Extract<ImportOutcome, { ok: false }>): string {
  if (outcome.message) return outcome.message
  return t(outcome.error === 'unreachable' ? 'error.network' : refusalMessage(outcome.error))
}
