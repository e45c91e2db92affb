const PATHS = {
  lock: 'M7 10V7a5 5 0 0 1 10 0v3m-11 0h12a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1Z',
  alert: 'M12 3 2 20h20L12 3Zm0 6v5m0 3v.5',
  clock: 'M4 13a8 8 0 1 0 16 0a8 8 0 1 0-16 0M12 9v4l2.5 2M9.5 2.5h5',
} as const

/** A small line icon drawn in the text colour; always decorative, the words next to it carry the meaning. */
export function Icon({ name, className }: { name: keyof typeof PATHS; className?: string }) {
  return (
    <svg
      className={`icon${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
