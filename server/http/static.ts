import { createReadStream, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { acceptedEncodings, COPY_SUFFIX } from './compressed'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

// Vite puts content-hashed files under /assets/: their URL changes whenever their content does.
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Loupe</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Loupe</h1>
<p>L’application web n’est pas encore construite. Lancez <code>npm run build</code> puis rechargez la page.</p>
<p lang="en">The web app has not been built yet. Run <code>npm run build</code>, then reload this page.</p>
</body></html>
`

/** Serves the built web app: files as they are, app routes as index.html, and a clear page when it is not built. */
export function createStaticHandler(clientDir: string | null) {
  const root = clientDir ? resolve(clientDir) : null

  return async function serveStatic(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(req, res, 405, 'Method Not Allowed')
    }
    const index = root ? await fileAt(join(root, 'index.html')) : null
    if (!root || !index) return sendHtml(req, res, 503, NOT_BUILT_PAGE)

    const path = safePath(root, pathname)
    if (path === null) return sendText(req, res, 404, 'Not Found')
    const file = path === root ? null : await fileAt(path)
    if (file) {
      const cache = pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE
      return sendFile(req, res, { path, info: file, cache })
    }
    // A missing file (it has an extension, or lives under /assets/) is a real 404; anything else is an app route.
    if (pathname.startsWith('/assets/') || extname(pathname) !== '')
      return sendText(req, res, 404, 'Not Found')
    return sendFile(req, res, { path: join(root, 'index.html'), info: index, cache: REVALIDATE })
  }
}

/** The file a URL path names inside `root`, or null when it would escape it or touch a hidden file. */
function safePath(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const path = normalize(join(root, decoded))
  if (path !== root && !path.startsWith(root + sep)) return null
  if (
    path
      .slice(root.length)
      .split(sep)
      .some((part) => part.startsWith('.'))
  )
    return null
  return path
}

async function fileAt(path: string): Promise<Stats | null> {
  try {
    const info = await stat(path)
    return info.isFile() ? info : null
  } catch {
    return null
  }
}

interface FileToSend {
  path: string
  info: Stats
  cache: string
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: FileToSend): Promise<void> {
  const { path, info, cache } = file
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
  res.statusCode = 200
  res.setHeader('Content-Type', type)
  res.setHeader('Cache-Control', cache)
  res.setHeader('Last-Modified', info.mtime.toUTCString())
  // The build's compressed copy, when there is one and the browser accepts it.
  let body = { path, size: info.size }
  const copies = await Promise.all(
    (['br', 'gzip'] as const).map(async (encoding) => ({
      encoding,
      info: await fileAt(path + COPY_SUFFIX[encoding]),
    })),
  )
  if (copies.some((copy) => copy.info)) {
    res.setHeader('Vary', 'Accept-Encoding')
    const accepted = acceptedEncodings(req.headers['accept-encoding'])
    const chosen = copies.find((copy) => copy.info && accepted.includes(copy.encoding))
    if (chosen?.info) {
      res.setHeader('Content-Encoding', chosen.encoding)
      body = { path: path + COPY_SUFFIX[chosen.encoding], size: chosen.info.size }
    }
  }
  res.setHeader('Content-Length', body.size)
  if (req.method === 'HEAD') return void res.end()
  const stream = createReadStream(body.path)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}

function sendHtml(req: IncomingMessage, res: ServerResponse, status: number, html: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Length', Buffer.byteLength(html))
  res.end(req.method === 'HEAD' ? undefined : html)
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(req.method === 'HEAD' ? undefined : text)
}
