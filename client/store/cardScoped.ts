import { useCallback, useSyncExternalStore } from 'react'
import { useLoupeStore, type LoupeState } from './store'

/**
 * Store subscriptions for the hooks each card runs. A keystroke from someone else replaces one card in
 * `cardsById` and nothing else; through the store's own subscribe, each of a full board's 500 cards would run its
 * three selectors for it (1,500 calls, about a third of applying the keystroke). Here a change that only replaces
 * cards tells those cards alone; any other change of the state tells every card, as the store would.
 */

type Listener = () => void

const listenersByCard = new Map<string, Set<Listener>>()
let unsubscribeStore: (() => void) | null = null

type CardMap = LoupeState['cardsById']

/** For a card map the projection built: the map it was copied from and the ids it may have changed. */
const changedSince = new WeakMap<CardMap, { base: CardMap; ids: ReadonlySet<string> }>()

/**
 * Tells which cards `next` may hold differently from `base`, so that a keystroke wakes the listeners of its card
 * without a walk over every card of the board (500 lookups on a full one).
 */
export function noteChangedCards(base: CardMap, next: CardMap, ids: ReadonlySet<string>): void {
  changedSince.set(next, { base, ids })
}

function notifyCard(id: string): void {
  const listeners = listenersByCard.get(id)
  if (listeners) for (const listener of listeners) listener()
}

function onStoreChange(next: LoupeState, previous: LoupeState): void {
  let cardsOnly = true
  for (const key in next) {
    if (key !== 'cardsById' && next[key as keyof LoupeState] !== previous[key as keyof LoupeState]) {
      cardsOnly = false
      break
    }
  }
  if (cardsOnly && next.cardsById === previous.cardsById) return
  const change = cardsOnly ? changedSince.get(next.cardsById) : undefined
  if (change && change.base === previous.cardsById) {
    for (const id of change.ids) notifyCard(id)
    return
  }
  for (const [id, listeners] of listenersByCard) {
    if (cardsOnly && next.cardsById.get(id) === previous.cardsById.get(id)) continue
    for (const listener of listeners) listener()
  }
}

/** Calls `listener` whenever what a card-scoped selector of card `id` reads may have changed. */
export function subscribeToCard(id: string, listener: Listener): () => void {
  unsubscribeStore ??= useLoupeStore.subscribe(onStoreChange)
  let listeners = listenersByCard.get(id)
  if (!listeners) listenersByCard.set(id, (listeners = new Set()))
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) listenersByCard.delete(id)
    if (listenersByCard.size === 0 && unsubscribeStore) {
      unsubscribeStore()
      unsubscribeStore = null
    }
  }
}

/**
 * `useLoupeStore(selector)` for a hook of card `id`, whose selector reads no card but this one (the rest of the
 * state it may read freely). Like any store selector, it must return the same value while its answer holds.
 */
export function useCardScoped<T>(id: string, selector: (state: LoupeState) => T): T {
  const subscribe = useCallback((listener: Listener) => subscribeToCard(id, listener), [id])
  return useSyncExternalStore(subscribe, () => selector(useLoupeStore.getState()))
}
