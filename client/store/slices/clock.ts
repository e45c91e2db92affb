/** How far the server clock is from this device's, in milliseconds (server = local + offset). */
export interface ClockSlice {
  clockOffset: number
}

export const initialClock = (): ClockSlice => ({ clockOffset: 0 })
