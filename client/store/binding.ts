import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { readControl, roots } from '../../shared/doc'
import type { PresenceState } from '../../shared/protocol'
import type { RosterEntry } from '../../shared/schema'
import { getLanguage } from '../i18n'
import { asPresence } from '../sync/presence'
import { applyIndicatorChanges, readIndicatorsById } from './indicatorsProjection'
import { computePeople, editorsByCard } from './peopleProjection'
import { applyBoardChanges, noChanges, readBoardState } from './projection'
import { useLoupeStore } from './store'

/** The document and awareness the store currently mirrors; actions write through these. */
let bound: { doc: Y.Doc; awareness: Awareness | null } | null = null

/** The document the store mirrors, or null when no workshop is open. */
export function currentDoc(): Y.Doc | null {
  return bound?.doc ?? null
}

/** This screen's awareness, or null when no connection publishes it. */
export function currentAwareness(): Awareness | null {
  return bound?.awareness ?? null
}

function readRoster(doc: Y.Doc): Record<string, RosterEntry> {
  return Object.fromEntries(roots(doc).roster.entries())
}

type DeepEvents = Y.YEvent<Y.AbstractType<unknown>>[]

/** The ids of a root's records touched by these events: the first step of the path, or the root's own keys. */
function collect(events: DeepEvents, ids: Set<string>): void {
  for (const event of events) {
    if (event.path.length > 0) ids.add(String(event.path[0]))
    else for (const key of event.changes.keys.keys()) ids.add(key)
  }
}

/**
 * Mirrors a document into the store: read once, then updated from Y events, once per transaction and only for the
 * records that changed. Returns the unbinding function.
 */
export function bindDoc(doc: Y.Doc, awareness: Awareness | null = null): () => void {
  const r = roots(doc)
  bound = { doc, awareness }
  useLoupeStore.setState((state) => ({
    ...readBoardState(doc),
    control: readControl(doc),
    roster: readRoster(doc),
    indicatorsById: readIndicatorsById(doc),
    docVersion: state.docVersion + 1,
  }))

  let pending = noChanges()
  let controlChanged = false
  let rosterChanged = false
  let indicatorIds = new Set<string>()
  const onMeta = () => (pending.meta = true)
  const onThemes = (events: DeepEvents) => collect(events, pending.themes)
  const onPerspectives = (events: DeepEvents) => collect(events, pending.perspectives)
  const onCards = (events: DeepEvents) => collect(events, pending.cards)
  const onControl = () => (controlChanged = true)
  const onRoster = () => (rosterChanged = true)
  const onIndicators = (event: Y.YMapEvent<unknown>) => {
    for (const key of event.keysChanged) indicatorIds.add(key)
  }
  // Observers run while a transaction closes; the store is updated once, after all of them.
  const flush = () => {
    const changes = pending
    const hasBoardChanges =
      changes.meta || changes.themes.size + changes.perspectives.size + changes.cards.size > 0
    if (!hasBoardChanges && !controlChanged && !rosterChanged && indicatorIds.size === 0) return
    pending = noChanges()
    const changedIndicators = indicatorIds
    indicatorIds = new Set()
    const control = controlChanged ? readControl(doc) : null
    const roster = rosterChanged ? readRoster(doc) : null
    controlChanged = rosterChanged = false
    useLoupeStore.setState((state) => ({
      ...(hasBoardChanges ? applyBoardChanges(state, doc, changes) : {}),
      ...(control ? { control } : {}),
      ...(roster ? { roster } : {}),
      ...(changedIndicators.size > 0
        ? { indicatorsById: applyIndicatorChanges(state.indicatorsById, doc, changedIndicators) }
        : {}),
    }))
    if (roster) refreshPeople()
  }

  r.meta.observeDeep(onMeta)
  r.themes.observeDeep(onThemes)
  r.perspectives.observeDeep(onPerspectives)
  r.cards.observeDeep(onCards)
  r.control.observeDeep(onControl)
  r.roster.observeDeep(onRoster)
  r.indicators.observe(onIndicators)
  doc.on('afterTransaction', flush)
  const unbindAwareness = awareness ? bindAwareness(awareness) : () => {}

  return () => {
    r.meta.unobserveDeep(onMeta)
    r.themes.unobserveDeep(onThemes)
    r.perspectives.unobserveDeep(onPerspectives)
    r.cards.unobserveDeep(onCards)
    r.control.unobserveDeep(onControl)
    r.roster.unobserveDeep(onRoster)
    r.indicators.unobserve(onIndicators)
    doc.off('afterTransaction', flush)
    unbindAwareness()
    if (bound?.doc === doc) bound = null
  }
}

/** Recomputes the people list from the bound awareness (also called by a timer, since idleness comes with time). */
export function refreshPeople(now = Date.now()): void {
  const awareness = bound?.awareness
  const states = new Map<number, PresenceState>()
  if (awareness) {
    for (const [clientId, value] of awareness.getStates()) {
      const state = asPresence(value)
      if (state) states.set(clientId, state)
    }
  }
  useLoupeStore.setState((state) => {
    const people = computePeople({
      states,
      selfClientId: awareness?.clientID ?? null,
      roster: state.roster,
      now,
      previous: state.people,
      language: getLanguage(),
    })
    return { people, editorsByCard: editorsByCard(people, state.editorsByCard) }
  })
}

const IDLE_CHECK_MS = 20_000

function bindAwareness(awareness: Awareness): () => void {
  const onChange = () => refreshPeople()
  awareness.on('change', onChange)
  refreshPeople()
  const timer = setInterval(onChange, IDLE_CHECK_MS)
  return () => {
    awareness.off('change', onChange)
    clearInterval(timer)
  }
}
