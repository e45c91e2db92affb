import { create } from 'qrcode'
import { useMemo } from 'react'

/** Quiet zone around the code, in modules: phones read a code more surely with it. */
const MARGIN = 4

/** A QR code drawn as one SVG path (crisp at any size, no canvas, nothing injected as HTML). */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const { path, size } = useMemo(() => {
    const { modules } = create(value, { errorCorrectionLevel: 'M' })
    let d = ''
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) d += `M${col + MARGIN} ${row + MARGIN}h1v1h-1z`
      }
    }
    return { path: d, size: modules.size + 2 * MARGIN }
  }, [value])
  return (
    <svg
      className={className}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-qr-value={value}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
