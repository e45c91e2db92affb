import type { RefCallback } from 'react'

type AnyRef<T> = ((el: T | null) => void | (() => void)) | null | undefined

/** One ref callback that feeds several; the cleanups they return run together. */
export function mergeRefs<T>(...refs: AnyRef<T>[]): RefCallback<T> {
  return (el: T | null) => {
    const cleanups = refs.map((ref) => ref?.(el))
    return () => {
      for (const cleanup of cleanups) if (typeof cleanup === 'function') cleanup()
    }
  }
}
