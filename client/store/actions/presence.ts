import { publishActivity, publishEditing } from '../../sync/presence'
import { currentAwareness } from '../binding'

const ACTIVITY_EVERY_MS = 15_000
let lastPublished = 0

/** Tells the others which card this person is typing in (null when they leave it). */
export function setEditing(cardId: string | null): void {
  const awareness = currentAwareness()
  if (!awareness) return
  publishEditing(awareness, cardId)
  lastPublished = Date.now()
}

/** Notes a keystroke or a click; the others hear about it at most every few seconds. */
export function noteActivity(now = Date.now()): void {
  const awareness = currentAwareness()
  if (!awareness || now - lastPublished < ACTIVITY_EVERY_MS) return
  lastPublished = now
  publishActivity(awareness, now)
}
