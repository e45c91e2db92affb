import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FIRST_STEP, useRevealInSteps } from '../../client/hooks/useRevealInSteps'

describe('useRevealInSteps (long card lists fill in over a few tasks)', () => {
  it('shows a short list whole at once', () => {
    const { result } = renderHook(() => useRevealInSteps(12))
    expect(result.current).toBe(12)
  })

  it('shows the first step of a long list, then the rest, and then stays complete', async () => {
    const seen: number[] = []
    const { result, rerender } = renderHook(
      ({ total }) => {
        const shown = useRevealInSteps(total)
        seen.push(shown)
        return shown
      },
      { initialProps: { total: 300 } },
    )
    expect(seen[0]).toBe(FIRST_STEP)
    await waitFor(() => expect(result.current).toBe(300))
    // It grew in steps, never past the list.
    expect(seen.every((n, i) => i === 0 || n >= (seen[i - 1] ?? 0))).toBe(true)
    expect(new Set(seen).size).toBeGreaterThan(2)

    // A card someone adds later shows on the same render, and a removed one is gone on it.
    rerender({ total: 301 })
    expect(result.current).toBe(301)
    rerender({ total: 299 })
    expect(result.current).toBe(299)
  })
})
