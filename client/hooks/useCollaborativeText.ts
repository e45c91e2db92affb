import { useCallback } from 'react'
import type { TextRef } from '../../shared/ops/text'
import { currentDoc, useLoupeStore } from '../store'
import { bindTextarea } from '../sync/textBinding'

type Field = HTMLTextAreaElement | HTMLInputElement

const growsByItself =
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content')

/** Fits a textarea's height to its text where the browser cannot do it (no `field-sizing`). */
function fitHeight(el: Field): void {
  if (growsByItself || !(el instanceof HTMLTextAreaElement)) return
  el.style.height = 'auto'
  el.style.height = `${el.scrollHeight}px`
}

/**
 * A ref that binds a textarea or input to one co-edited text of the open workshop, rebinding if the document is
 * rebuilt. The field must stay uncontrolled (no `value` prop): the binding owns its value.
 * @example <textarea ref={useCollaborativeText({ kind: 'card', id, field: 'text' })} />
 */
export function useCollaborativeText(
  ref: TextRef,
  onLocalChange?: () => void,
): (el: Field | null) => (() => void) | undefined {
  return useTextBinding(
    ref,
    useLoupeStore((s) => s.docVersion),
    onLocalChange,
  )
}

/**
 * The same ref, for a component that already reads the document's version from the store (one subscription for
 * all it needs: a board of 500 cards has 500 of them).
 */
export function useTextBinding(
  ref: TextRef,
  docVersion: number,
  onLocalChange?: () => void,
): (el: Field | null) => (() => void) | undefined {
  const index = ref.kind === 'question' ? ref.index : -1
  const field = ref.kind === 'question' ? 'question' : ref.field
  return useCallback(
    (el: Field | null) => {
      const doc = currentDoc()
      if (!el || !doc) return undefined
      const resize = () => fitHeight(el)
      const unbind = bindTextarea(el, doc, ref, {
        onRemoteChange: resize,
        onLocalChange: () => {
          resize()
          onLocalChange?.()
        },
      })
      resize()
      return unbind
    },
    // The reference is rebuilt on every render; what identifies it is its kind, id, field and index.
    [docVersion, ref.kind, ref.id, field, index, onLocalChange],
  )
}
