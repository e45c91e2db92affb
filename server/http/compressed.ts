import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

/**
 * The built web app, compressed once per file and kept in memory (the whole build is a few hundred KB): on a
 * venue's Wi-Fi a participant downloads a third of the bytes, and the server never compresses the same file twice.
 */

export type Encoding = 'br' | 'gzip'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

// Brotli 5 is within a few per cent of 11 at a fifteenth of the time: the first request for a file waits for it.
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }

/** Smaller files gain nothing worth a header. */
export const MIN_COMPRESSED_BYTES = 1024

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg\+xml)/

export function isCompressible(contentType: string, size: number): boolean {
  return size >= MIN_COMPRESSED_BYTES && COMPRESSIBLE.test(contentType)
}

/** The encoding to answer with, from the request's Accept-Encoding: brotli, else gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null
  const accepted = new Set<string>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (q && Number(q.slice(2)) === 0) continue
    accepted.add(name.trim())
  }
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return null
}

export class CompressedFiles {
  private readonly cache = new Map<string, Promise<Buffer>>()

  /** `path` compressed with `encoding`; a file changed on disk (a new build) is compressed again. */
  get(path: string, mtimeMs: number, encoding: Encoding): Promise<Buffer> {
    const key = `${encoding}\0${mtimeMs}\0${path}`
    let entry = this.cache.get(key)
    if (!entry) {
      entry = readFile(path).then((data) =>
        encoding === 'br' ? brotli(data, BROTLI_OPTIONS) : gzipAsync(data),
      )
      // A failure is not kept: the next request tries again (and this one is served uncompressed).
      entry.catch(() => this.cache.delete(key))
      this.cache.set(key, entry)
    }
    return entry
  }
}
