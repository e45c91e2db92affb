import { useEffect, useRef } from 'react'
import { usePresence } from '../../hooks/usePresence'
import { useRole } from '../../hooks/useRole'
import { useT } from '../../i18n/useT'
import { CoFacilitatorSection } from '../facilitation/CoFacilitatorPanel'
import { Avatar } from './Avatar'
import { PresenceList } from './PresenceList'
import './presence.css'

const SHOWN_AVATARS = 6

/** The header's presence: a row of avatars and a count that opens the full list. */
export function PresencePanel() {
  const t = useT()
  const people = usePresence()
  const role = useRole()
  const detailsRef = useRef<HTMLDetailsElement>(null)
  const online = people.filter((p) => p.online)
  const extra = online.length - SHOWN_AVATARS

  // Escape or a click outside closes the list, like any popover.
  useEffect(() => {
    const details = detailsRef.current
    if (!details) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && details.open) {
        details.open = false
        details.querySelector('summary')?.focus()
      }
    }
    const onPointer = (event: PointerEvent) => {
      if (details.open && event.target instanceof Node && !details.contains(event.target))
        details.open = false
    }
    details.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      details.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [])

  return (
    <details ref={detailsRef} className="presence">
      <summary
        className="presence__summary"
        aria-label={`${t('presence.summary', { count: online.length })} — ${t('presence.show')}`}
      >
        <span className="presence__avatars" aria-hidden="true">
          {online.slice(0, SHOWN_AVATARS).map((person) => (
            <Avatar key={person.id} person={person} size="small" />
          ))}
          {extra > 0 ? <span className="avatar avatar--small avatar--more">+{extra}</span> : null}
        </span>
        <span className="presence__count">{t('presence.summary', { count: online.length })}</span>
      </summary>
      <div className="presence__panel">
        <h2 className="presence__heading">{t('presence.heading')}</h2>
        <PresenceList />
        {role === 'facilitator' ? <CoFacilitatorSection /> : null}
      </div>
    </details>
  )
}
