import { usePerspective } from '../../hooks/usePerspective'
import { useT } from '../../i18n/useT'

/** "2. Aller vers les habitants" in a list of places to move a card to. */
export function PerspectiveOption({ id, number }: { id: string; number: number }) {
  const t = useT()
  const perspective = usePerspective(id)
  const title = perspective?.title.trim() || t('board.untitled')
  return <option value={id}>{`${number}. ${title.length > 60 ? `${title.slice(0, 57)}…` : title}`}</option>
}
