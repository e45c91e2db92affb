import { useT } from '../../i18n/useT'
import { moveDataCard, unpinIndicator } from './actions'

/** The facilitator's buttons on a data card: move it along the board, take it off. */
export function DataCardTools({
  id,
  themeId,
  name,
  index,
  count,
}: {
  id: string
  themeId: string
  name: string
  index: number
  count: number
}) {
  const t = useT()
  const tools = [
    { label: t('data.moveLeft', { name }), glyph: '←', disabled: index === 0, run: () => moveDataCard(id, themeId, -1) },
    { label: t('data.moveRight', { name }), glyph: '→', disabled: index >= count - 1, run: () => moveDataCard(id, themeId, 1) },
    { label: t('data.unpin', { name }), glyph: '✕', disabled: false, run: () => unpinIndicator(id) },
  ]
  return (
    <div className="data-card__tools">
      {tools.map((tool) => (
        <button
          key={tool.glyph}
          type="button"
          className="icon-button data-card__tool"
          aria-label={tool.label}
          title={tool.label}
          disabled={tool.disabled}
          onClick={() => void tool.run()}
        >
          <span aria-hidden="true">{tool.glyph}</span>
        </button>
      ))}
    </div>
  )
}
