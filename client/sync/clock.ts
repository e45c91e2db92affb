import { clockOffset } from '../../shared/timer'

/** One reading of the server clock: how far it is from ours, and how long the round trip took (its error bound). */
export interface ClockReading {
  offset: number
  roundTrip: number
}

/** Readings kept: at one ping every 30 s, the last five minutes, so a clock set right meanwhile is noticed. */
const KEPT_READINGS = 10

/**
 * The server clock's offset from ours, from repeated pings: the reading with the shortest round trip is the most
 * precise (the server's answer is known to within half of it), so it wins among the recent ones.
 */
export class ClockEstimate {
  private readings: ClockReading[] = []

  /** Adds the answer to one ping and returns the best reading now. */
  add(sentAt: number, serverTime: number, receivedAt: number): ClockReading {
    const reading = {
      offset: clockOffset(sentAt, serverTime, receivedAt),
      roundTrip: Math.max(0, receivedAt - sentAt),
    }
    this.readings = [...this.readings, reading].slice(-KEPT_READINGS)
    return this.best() ?? reading
  }

  /** The recent reading with the shortest round trip, or null before the first answer. */
  best(): ClockReading | null {
    let best: ClockReading | null = null
    for (const reading of this.readings) if (!best || reading.roundTrip < best.roundTrip) best = reading
    return best
  }
}
