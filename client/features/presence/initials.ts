/** Up to two initials from a name ("Awa Diallo" → "AD", "léo" → "L"). */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-']+/u)
    .filter(Boolean)
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1)
  return letters.map((word) => [...(word ?? '')][0]?.toLocaleUpperCase() ?? '').join('') || '?'
}
