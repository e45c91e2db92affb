import type { FollowTarget } from '../../../shared/commands'
import { useT } from '../../i18n/useT'
import { showOnProjector, useLoupeStore } from '../../store'

/** "Montrer sur l'écran": the projector follows this perspective or card. A tool in the item's menu. */
export function ShowOnScreenButton({ target, onDone }: { target: FollowTarget; onDone?: () => void }) {
  const t = useT()
  const shown = useLoupeStore((s) => JSON.stringify(s.control.follow) === JSON.stringify(target))
  return (
    <button
      type="button"
      className="tool"
      aria-pressed={shown}
      onClick={() => {
        void showOnProjector(target)
        onDone?.()
      }}
    >
      <span className="tool__check" aria-hidden="true">
        {shown ? '✓' : ''}
      </span>
      {t('projector.showThis')}
    </button>
  )
}
