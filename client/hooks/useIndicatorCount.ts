import { useLoupeStore } from '../store'

/** How many indicators the workshop holds (pinned or not). */
export function useIndicatorCount(): number {
  return useLoupeStore((s) => Object.keys(s.indicatorsById).length)
}
