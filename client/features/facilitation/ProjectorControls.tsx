import type { FollowTarget } from '../../../shared/commands'
import { useSelectedThemeId } from '../../hooks/useSelectedThemeId'
import { useSession } from '../../hooks/useSession'
import { useT, type Translate } from '../../i18n/useT'
import { showOnProjector, useLoupeStore, type LoupeState } from '../../store'
import { Popover } from './Popover'

/** The projector's window: one per workshop, reused when the button is pressed again. */
export function openProjectorWindow(workshopId: string): void {
  window.open(
    `/atelier/${encodeURIComponent(workshopId)}/projection`,
    `loupe-projection-${workshopId}`,
    'popup',
  )
}

/** What the projector shows, in a few words. */
function followLabel(t: Translate, s: LoupeState): string {
  const follow = s.control.follow
  switch (follow.kind) {
    case 'overview':
      return t('projector.follow.overview')
    case 'results':
      return t('projector.follow.results')
    case 'theme':
      return s.themesById[follow.themeId]?.name || t('board.untitledTheme')
    case 'perspective': {
      const p = s.perspectivesById[follow.perspectiveId]
      const n = p ? (s.perspectiveIdsByTheme[p.themeId] ?? []).indexOf(p.id) + 1 : 0
      return t('board.perspective', { n })
    }
    case 'card':
      return t('projector.follow.card')
  }
}

const sameTarget = (a: FollowTarget, b: FollowTarget) => JSON.stringify(a) === JSON.stringify(b)

/** "Projeter" opens the projector's window; "À l'écran" picks what it shows (the board on screen, results…). */
export function ProjectorControls() {
  const t = useT()
  const session = useSession()
  const themeId = useSelectedThemeId()
  const follow = useLoupeStore((s) => s.control.follow)
  const summary = useLoupeStore((s) => followLabel(t, s))
  const themeName = useLoupeStore(
    (s) => (themeId ? s.themesById[themeId]?.name : '') || t('board.untitledTheme'),
  )
  const choices: Array<{ target: FollowTarget; label: string }> = [
    { target: { kind: 'overview' }, label: t('projector.show.overview') },
    ...(themeId
      ? [
          {
            target: { kind: 'theme', themeId } as FollowTarget,
            label: t('projector.show.theme', { theme: themeName }),
          },
        ]
      : []),
    { target: { kind: 'results' }, label: t('projector.show.results') },
  ]
  return (
    <div className="facil-group">
      <button
        type="button"
        className="facil-button facil-button--accent"
        onClick={() => session && openProjectorWindow(session.workshopId)}
      >
        <span className="facil-button__label">{t('projector.open')}</span>
      </button>
      <Popover
        label={<span className="visually-hidden">{t('projector.onScreen')}</span>}
        icon={<ScreenIcon />}
        summary={summary}
        panelClassName="screen-panel"
      >
        {(close) => (
          <div className="panel-stack">
            <div className="tool-list" role="group" aria-label={t('projector.onScreen')}>
              {choices.map(({ target, label }) => (
                <button
                  key={label}
                  type="button"
                  className="tool"
                  aria-pressed={sameTarget(follow, target)}
                  onClick={() => {
                    void showOnProjector(target)
                    close()
                  }}
                >
                  <span className="tool__check" aria-hidden="true">
                    {sameTarget(follow, target) ? '✓' : ''}
                  </span>
                  {label}
                </button>
              ))}
            </div>
            <p className="field__hint">{t('projector.showHint')}</p>
          </div>
        )}
      </Popover>
    </div>
  )
}

function ScreenIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="3" y="4" width="18" height="12" rx="1.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
      <path d="M12 16v4m-4 0h8" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  )
}
