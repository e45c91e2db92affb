import { commandApplied } from './commands'

/** Places one of this person's dots on a perspective or a card; the server checks the budget and the round. */
export function addDot(itemId: string): Promise<boolean> {
  return commandApplied({ type: 'vote.add', itemId })
}

/** Takes one of this person's dots back from an item. */
export function removeDot(itemId: string): Promise<boolean> {
  return commandApplied({ type: 'vote.remove', itemId })
}
