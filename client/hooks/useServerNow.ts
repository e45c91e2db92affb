import { useEffect, useState } from 'react'
import { useLoupeStore } from '../store'

/** The server's clock as this device estimates it, ticking every `everyMs` while `ticking` (else read once). */
export function useServerNow(ticking: boolean, everyMs = 250): number {
  const offset = useLoupeStore((s) => s.clockOffset)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    setNow(Date.now())
    if (!ticking) return
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [ticking, everyMs])
  return now + offset
}
