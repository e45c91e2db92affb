import { describe, expect, it } from 'vitest'
import { servedNodeFlags } from '../../scripts/bench/servers'

describe('bench: Loupe runs as npm start runs it', () => {
  it('takes the Node options of `npm run serve`', () => {
    // A young generation of 4 MB per semi-space keeps the server ~20 MB smaller at 1,500 connections.
    expect(servedNodeFlags()).toEqual(['--max-semi-space-size=4'])
  })
})
