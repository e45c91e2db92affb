/**
 * The URL of a request, read without trusting its shape: `//host/path` stays a path (new URL would take it for
 * another host, or throw on `////`), and whatever cannot be read at all becomes `/`.
 */
export function requestUrl(raw: string | undefined): URL {
  const target = raw ?? '/'
  try {
    // Absolute form ("GET http://host/path"), which HTTP/1.1 allows, keeps only its path and query.
    if (!target.startsWith('/')) {
      const absolute = new URL(target)
      return new URL(`http://localhost${absolute.pathname}${absolute.search}`)
    }
    return new URL(`http://localhost${target}`)
  } catch {
    return new URL('http://localhost/')
  }
}
