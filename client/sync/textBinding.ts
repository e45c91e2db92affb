import type * as Y from 'yjs'
import { diffText, resolveText, spliceText, type TextRef } from '../../shared/ops/text'

export interface TextBindingOptions {
  /** Called after the field's value changed because of someone else (to resize it, for instance). */
  onRemoteChange?: () => void
  /** Called after each local edit reached the document. */
  onLocalChange?: () => void
}

type Selection = { start: number; end: number }

/** Where the caret goes once a remote delta is applied: it stays next to the letters it was next to. */
export function shiftSelection(selection: Selection, delta: Y.YTextEvent['delta']): Selection {
  let { start, end } = selection
  let position = 0
  for (const op of delta) {
    if (op.retain !== undefined) {
      position += op.retain
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (position < start) start += length
      if (position < end) end += length
      position += length
    } else if (op.delete !== undefined) {
      if (position < start) start -= Math.min(op.delete, start - position)
      if (position < end) end -= Math.min(op.delete, end - position)
    }
  }
  return { start, end }
}

/**
 * Binds a textarea (or input) to one co-edited text: local typing becomes the smallest splice, remote changes
 * land in the field without moving the caret away from where the person is typing. Returns the unbinding function.
 */
export function bindTextarea(
  el: HTMLTextAreaElement | HTMLInputElement,
  doc: Y.Doc,
  ref: TextRef,
  options: TextBindingOptions = {},
): () => void {
  const text = resolveText(doc, ref)
  if (!text) return () => {}
  let known = text.toString()
  let applyingLocal = false
  el.value = known

  const onInput = () => {
    const next = el.value
    if (next === known) return
    const { index, deleteCount, insert } = diffText(known, next, el.selectionEnd ?? next.length)
    applyingLocal = true
    try {
      spliceText(doc, ref, index, deleteCount, insert)
    } finally {
      applyingLocal = false
    }
    known = text.toString()
    // The document may cap or merge what was typed: the field shows what everyone else sees.
    if (el.value !== known) el.value = known
    options.onLocalChange?.()
  }

  const onChange = (event: Y.YTextEvent) => {
    if (applyingLocal) return
    const focused = el.ownerDocument.activeElement === el
    const selection = shiftSelection(
      { start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 },
      event.delta,
    )
    known = text.toString()
    if (el.value !== known) el.value = known
    if (focused) el.setSelectionRange(selection.start, selection.end, el.selectionDirection ?? 'none')
    options.onRemoteChange?.()
  }

  el.addEventListener('input', onInput)
  text.observe(onChange)
  return () => {
    el.removeEventListener('input', onInput)
    text.unobserve(onChange)
  }
}
