import { describe, expect, it } from 'vitest'
import { keystrokeTasks } from '../../scripts/bench/browserTrace'

const main = { pid: 7, tid: 7 }

describe('the keystrokes read from a Chromium trace', () => {
  it('pairs each apply measure with the task that held it, wall and CPU time', () => {
    const events = [
      { ...main, name: 'RunTask', ph: 'X', ts: 1000, dur: 9700, tdur: 4700 },
      { ...main, name: 'apply', ph: 'b', ts: 1200 },
      { ...main, name: 'apply', ph: 'e', ts: 9500 },
      // Another thread's task at the same moment is not the keystroke's.
      { pid: 7, tid: 9, name: 'RunTask', ph: 'X', ts: 1100, dur: 20_000, tdur: 20_000 },
      { ...main, name: 'RunTask', ph: 'X', ts: 50_000, dur: 2400, tdur: 2300 },
      { ...main, name: 'apply', ph: 'b', ts: 50_100 },
      { ...main, name: 'apply', ph: 'e', ts: 52_000 },
    ]
    expect(keystrokeTasks(events)).toEqual([
      { apply_ms: 8.3, task_ms: 9.7, task_cpu_ms: 4.7 },
      { apply_ms: 1.9, task_ms: 2.4, task_cpu_ms: 2.3 },
    ])
  })

  it('leaves out a measure without a task around it or without thread time', () => {
    const events = [
      { ...main, name: 'apply', ph: 'b', ts: 100 },
      { ...main, name: 'apply', ph: 'e', ts: 300 },
      { ...main, name: 'RunTask', ph: 'X', ts: 1000, dur: 500 },
      { ...main, name: 'apply', ph: 'b', ts: 1100 },
      { ...main, name: 'apply', ph: 'e', ts: 1400 },
    ]
    expect(keystrokeTasks(events)).toEqual([])
  })
})
