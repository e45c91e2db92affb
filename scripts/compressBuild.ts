import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/**
 * Part of `npm run build`: writes a brotli (.br) and a gzip (.gz) copy next to each built file worth compressing,
 * at the highest settings since it happens once. The server sends them to browsers that accept them: a participant
 * on a venue's Wi-Fi downloads a third of the bytes, and the server never compresses anything itself.
 */

const CLIENT_DIR = resolve(import.meta.dirname, '../dist/client')
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.webmanifest', '.txt'])
const MIN_BYTES = 1024

let files = 0
let before = 0
let after = 0
for (const entry of readdirSync(CLIENT_DIR, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name)
  if (!entry.isFile() || !COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue
  const data = readFileSync(path)
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
  writeFileSync(`${path}.br`, br)
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }))
  files++
  before += data.byteLength
  after += br.byteLength
}
process.stdout.write(
  `compressed ${files} files: ${(before / 1024).toFixed(0)} KB -> ${(after / 1024).toFixed(0)} KB (brotli)\n`,
)
