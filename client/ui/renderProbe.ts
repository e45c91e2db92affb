import { createContext, useContext } from 'react'

/** Reports renders of the board's repeated components; tests use it to prove a remote edit re-renders one card. */
export type RenderProbe = (component: 'card' | 'perspective', id: string) => void

export const RenderProbeContext = createContext<RenderProbe | null>(null)

/** Tells the probe, when there is one, that this component rendered. */
export function useRenderProbe(component: 'card' | 'perspective', id: string): void {
  useContext(RenderProbeContext)?.(component, id)
}
