import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

/**
 * How long changes that came from the server wait before they are written to this browser's copy, gathered into
 * one write. They are safe on the server already: should the tab close first, the next sync brings them back.
 */
export const SERVER_CHANGES_DELAY_MS = 500

/**
 * Keystrokes merge into one record for next to nothing; merging the whole board a join brings (60 KB for 500
 * cards) takes 20-50 ms, a frozen page while the cards come in: past this size the updates are written as they are.
 */
const MERGE_UP_TO_BYTES = 16 * 1024

/**
 * This browser's copy of a workshop, in IndexedDB, so that what someone typed while offline survives a closed tab.
 * What this screen changes is written at once (it may exist nowhere else yet). What the server relays is gathered
 * and written once a while: y-indexeddb alone opens one IndexedDB transaction per update, inside the message's
 * handler, on each of the dozen keystrokes a second a busy board receives.
 */
export class LocalCopy extends IndexeddbPersistence {
  private readonly store: (update: Uint8Array, origin: unknown) => void
  private waiting: Uint8Array[] = []
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    name: string,
    doc: Y.Doc,
    private readonly fromServer: (origin: unknown) => boolean,
  ) {
    super(name, doc)
    this.store = this._storeUpdate
    doc.off('update', this.store)
    doc.on('update', this.onUpdate)
    globalThis.addEventListener?.('pagehide', this.flush)
    globalThis.document?.addEventListener('visibilitychange', this.onVisibility)
  }

  /** Writes what the server relayed and is not written yet. */
  readonly flush = (): void => {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (this.waiting.length === 0 || this._destroyed) return
    const waiting = this.waiting
    this.waiting = []
    const bytes = waiting.reduce((sum, update) => sum + update.byteLength, 0)
    if (waiting.length > 1 && bytes <= MERGE_UP_TO_BYTES) this.store(Y.mergeUpdates(waiting), null)
    else for (const update of waiting) this.store(update, null)
  }

  override destroy(): Promise<void> {
    this.flush()
    this.doc.off('update', this.onUpdate)
    globalThis.removeEventListener?.('pagehide', this.flush)
    globalThis.document?.removeEventListener('visibilitychange', this.onVisibility)
    return super.destroy()
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return
    if (!this.fromServer(origin)) {
      this.store(update, origin)
      return
    }
    this.waiting.push(update)
    this.timer ??= setTimeout(this.flush, SERVER_CHANGES_DELAY_MS)
  }

  // A tab being hidden may be closed without another word: what it holds is written first.
  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush()
  }
}
