import { describe, expect, it } from 'vitest'
import { joinTiming } from '../../scripts/bench/browser'

const base = { formReady: 300, submitted: 1000, boardShown: 1400, allCards: 1900 }

describe('bench: when a board counts as interactive after joining', () => {
  it('is when it is on screen, if no long task follows', () => {
    const timing = joinTiming({ ...base, longTasks: [[1100, 200]] })
    expect(timing).toMatchObject({ join_page_ms: 300, board_shown_ms: 400, all_cards_ms: 900 })
    // The task that ended before the board showed is part of getting there, not a freeze after it.
    expect(timing.join_to_board_ms).toBe(400)
    expect(timing.longest_task_after_shown_ms).toBe(0)
  })

  it('waits for the end of a long task that holds the board once shown', () => {
    const timing = joinTiming({
      ...base,
      longTasks: [
        [1350, 120],
        [1600, 80],
        [3000, 300],
      ],
    })
    // 1600 + 80 - 1000: the last long task while the cards came in; the one long after is not the join's.
    expect(timing.join_to_board_ms).toBe(680)
    expect(timing.longest_task_after_shown_ms).toBe(120)
  })
})
