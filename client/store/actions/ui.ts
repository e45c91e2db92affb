import { useLoupeStore } from '../store'

/** A component took the focus it was asked to take. */
export function focusTaken(id: string): void {
  if (useLoupeStore.getState().focusId === id) useLoupeStore.setState({ focusId: null })
}

/** Opens one card's tools (closing any other), or closes them with null. */
export function openCardMenu(cardId: string | null): void {
  useLoupeStore.setState({ openCardMenuId: cardId })
}

/** Asks for an element to take the focus once rendered (see useFocusRequest). */
export function requestFocus(id: string): void {
  useLoupeStore.setState({ focusId: id })
}

/** Clears the short message shown to this person. */
export function dismissNotice(): void {
  useLoupeStore.setState({ notice: null })
}
