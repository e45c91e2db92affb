import { IDLE_AFTER_MS, presenceColor, type PresenceState } from '../../shared/protocol'
import type { RosterEntry } from '../../shared/schema'
import type { Person } from './slices/presence'

const STATUS_ORDER = (p: Person) => (!p.online ? 2 : p.idle ? 1 : 0)

function samePerson(a: Person, b: Person): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.centre === b.centre &&
    a.role === b.role &&
    a.color === b.color &&
    a.editing === b.editing &&
    a.online === b.online &&
    a.idle === b.idle &&
    a.self === b.self
  )
}

// Building a collator loads locale data (milliseconds each time): one per language, kept.
const collators = new Map<string, Intl.Collator>()
function collatorFor(language: string): Intl.Collator {
  let collator = collators.get(language)
  if (!collator) collators.set(language, (collator = new Intl.Collator(language, { sensitivity: 'base' })))
  return collator
}

/**
 * The people list from awareness states (one entry per person even with several tabs open), completed by the
 * roster's absent members. Reuses the previous objects of people whose shown state did not change.
 */
export function computePeople(input: {
  states: ReadonlyMap<number, PresenceState>
  selfClientId: number | null
  roster: Readonly<Record<string, RosterEntry>>
  now: number
  previous: readonly Person[]
  language: string
}): Person[] {
  const byId = new Map<string, Person & { lastActive: number }>()
  for (const [clientId, state] of input.states) {
    const existing = byId.get(state.user.id)
    const self = clientId === input.selfClientId || existing?.self === true
    if (existing && existing.lastActive >= state.lastActive) {
      existing.self = self
      existing.editing ??= state.editing
      continue
    }
    // The roster, written by the server from the person's credential, names them; their own presence only says
    // they are here (the server checks it is theirs).
    const entry = input.roster[state.user.id]
    byId.set(state.user.id, {
      id: state.user.id,
      name: entry?.name ?? state.user.name,
      centre: entry?.centre ?? state.user.centre,
      role: entry && entry.role !== 'projector' ? entry.role : state.user.role,
      color: state.user.color,
      editing: state.editing ?? existing?.editing ?? null,
      online: true,
      idle: input.now - state.lastActive > IDLE_AFTER_MS,
      self,
      lastActive: state.lastActive,
    })
  }
  const people: Person[] = [...byId.values()].map(({ lastActive: _lastActive, ...person }) => person)
  for (const [id, entry] of Object.entries(input.roster)) {
    // Someone the facilitator removed is no longer part of the workshop.
    if (byId.has(id) || entry.role === 'projector' || entry.removed === true) continue
    people.push({
      id,
      name: entry.name,
      centre: entry.centre,
      role: entry.role,
      color: presenceColor(id),
      editing: null,
      online: false,
      idle: false,
      self: false,
    })
  }
  const collator = collatorFor(input.language)
  people.sort(
    (a, b) =>
      Number(b.self) - Number(a.self) ||
      STATUS_ORDER(a) - STATUS_ORDER(b) ||
      collator.compare(a.name, b.name),
  )
  const previous = new Map(input.previous.map((p) => [p.id, p]))
  return people.map((person) => {
    const before = previous.get(person.id)
    return before && samePerson(before, person) ? before : person
  })
}

/** The other people (online, not this screen) typing in each card; reuses the previous arrays that did not change. */
export function editorsByCard(
  people: readonly Person[],
  previous: Readonly<Record<string, readonly Person[]>>,
): Record<string, readonly Person[]> {
  const next: Record<string, Person[]> = {}
  for (const person of people) {
    if (!person.editing || !person.online || person.self) continue
    ;(next[person.editing] ??= []).push(person)
  }
  const result: Record<string, readonly Person[]> = {}
  for (const [cardId, editors] of Object.entries(next)) {
    const before = previous[cardId]
    const same = before?.length === editors.length && before.every((p, i) => p === editors[i])
    result[cardId] = same ? before : editors
  }
  return result
}
