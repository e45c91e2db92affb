import { existsSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { REPO_ROOT } from './servers'

/** What a first visit downloads before the app can start: the entry script and every module it imports statically. */

export interface BundleReport {
  built: boolean
  files: Array<{ file: string; bytes: number; gzip: number }>
  total_bytes: number
  total_gzip: number
}

const CLIENT_DIR = join(REPO_ROOT, 'dist/client')

// `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"` — not `import("./a.js")`, which loads later.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g

export function bundleSize(): BundleReport {
  const indexHtml = join(CLIENT_DIR, 'index.html')
  if (!existsSync(indexHtml)) return { built: false, files: [], total_bytes: 0, total_gzip: 0 }
  const html = readFileSync(indexHtml, 'utf8')
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ]
    .map((m) => m[1])
    .filter((src): src is string => typeof src === 'string' && src.startsWith('/'))
  const seen = new Set<string>()
  const queue = [...entries]
  const files: BundleReport['files'] = []
  while (queue.length > 0) {
    const path = queue.shift() ?? ''
    if (seen.has(path)) continue
    seen.add(path)
    const file = join(CLIENT_DIR, path)
    if (!existsSync(file)) continue
    const source = readFileSync(file)
    files.push({ file: path, bytes: source.byteLength, gzip: gzipSync(source, { level: 9 }).byteLength })
    for (const match of source.toString('utf8').matchAll(STATIC_IMPORT)) {
      const spec = match[1]
      if (spec?.startsWith('.')) queue.push(posix.normalize(posix.join(posix.dirname(path), spec)))
      else if (spec?.startsWith('/')) queue.push(spec)
    }
  }
  return {
    built: true,
    files,
    total_bytes: files.reduce((n, f) => n + f.bytes, 0),
    total_gzip: files.reduce((n, f) => n + f.gzip, 0),
  }
}
