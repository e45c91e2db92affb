import { listNames } from '../../i18n'
import { useT } from '../../i18n/useT'
import type { Person } from '../../store'

/** "Awa écrit…": who is typing in this card right now, with their colour (and their name, not only the colour). */
export function CardEditors({ editors }: { editors: readonly Person[] }) {
  const t = useT()
  const names = listNames(editors.map((p) => p.name))
  return (
    <p className="card__editors">
      {editors.map((p) => (
        <span key={p.id} className="card__editor-dot" style={{ background: p.color }} aria-hidden="true" />
      ))}
      <span>{t(editors.length > 1 ? 'card.editingMany' : 'card.editingOne', { names })}</span>
    </p>
  )
}
