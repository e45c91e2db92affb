import type { WorkshopMeta } from '../../shared/schema'
import { useLoupeStore } from '../store'

/** The workshop's title, date, place and organiser. */
export function useMeta(): WorkshopMeta {
  return useLoupeStore((s) => s.meta)
}
