/** A join code in big letters, split in two halves so it reads aloud easily ("K7M 3QX"). */
export function JoinCode({ code, size = 'normal' }: { code: string; size?: 'normal' | 'huge' }) {
  const half = Math.ceil(code.length / 2)
  return (
    <p className={`join-code join-code--${size}`}>
      <span className="join-code__part">{code.slice(0, half)}</span>{' '}
      <span className="join-code__part">{code.slice(half)}</span>
    </p>
  )
}
