/**
 * `npm run build` writes a brotli (.br) and a gzip (.gz) copy next to each built file worth compressing
 * (scripts/compressBuild.ts); the server picks the one the browser accepts and never compresses anything itself.
 */

export type Encoding = 'br' | 'gzip'

/** The file extension of each encoding's copy. */
export const COPY_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }

/** The encodings a request's Accept-Encoding allows, best first: brotli, then gzip. */
export function acceptedEncodings(acceptEncoding: string | undefined): Encoding[] {
  if (!acceptEncoding) return []
  const accepted = new Set<string>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (q && Number(q.slice(2)) === 0) continue
    accepted.add(name.trim())
  }
  return (['br', 'gzip'] as const).filter((encoding) => accepted.has(encoding))
}
