import { usePresence } from '../../hooks/usePresence'
import { useRole } from '../../hooks/useRole'
import { useT } from '../../i18n/useT'
import { RemoveParticipantButton } from '../facilitation/RemoveParticipantButton'
import { Avatar } from './Avatar'

/** Everyone in the workshop: initials, name, centre and whether they are online, idle or away (said in words). */
export function PresenceList() {
  const t = useT()
  const people = usePresence()
  const role = useRole()
  return (
    <ul className="presence-list">
      {people.map((person) => {
        const state = !person.online ? 'offline' : person.idle ? 'idle' : 'online'
        return (
          <li key={person.id} className={`presence-item presence-item--${state}`}>
            <Avatar person={person} />
            <span className="presence-item__text">
              <span className="presence-item__name">
                {person.name}
                {person.self ? <span className="presence-item__tag"> ({t('presence.you')})</span> : null}
                {person.role === 'facilitator' ? (
                  <span className="presence-item__tag"> · {t('presence.facilitator')}</span>
                ) : null}
              </span>
              {person.centre ? <span className="presence-item__centre">{person.centre}</span> : null}
            </span>
            <span className={`presence-item__state presence-item__state--${state}`}>
              {t(`presence.${state}`)}
            </span>
            {role === 'facilitator' && person.role === 'participant' && !person.self ? (
              <RemoveParticipantButton participantId={person.id} name={person.name} />
            ) : null}
          </li>
        )
      })}
      {people.length <= 1 ? (
        <li className="presence-item presence-item--empty">{t('presence.nobody')}</li>
      ) : null}
    </ul>
  )
}
