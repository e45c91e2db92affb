import type { Person } from '../../store'
import { initialsOf } from './initials'

/** A round badge with initials in the person's colour; idle and offline people look faded and dashed. */
export function Avatar({ person, size = 'normal' }: { person: Person; size?: 'normal' | 'small' }) {
  const state = !person.online ? 'offline' : person.idle ? 'idle' : 'online'
  return (
    <span
      className={`avatar avatar--${size} avatar--${state}`}
      style={{ background: person.color }}
      aria-hidden="true"
    >
      {initialsOf(person.name)}
    </span>
  )
}
