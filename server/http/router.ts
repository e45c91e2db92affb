import type { IncomingMessage, ServerResponse } from 'node:http'

export interface RouteContext {
  req: IncomingMessage
  res: ServerResponse
  params: Record<string, string>
  url: URL
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void

interface Route {
  method: string
  segments: string[]
  handler: RouteHandler
}

export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'wrong_method'; allowed: string[] }
  | { kind: 'none' }

/** A minimal router: exact segments and `:name` parameters, nothing more. */
export class Router {
  private readonly routes: Route[] = []

  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: split(pattern), handler })
    return this
  }

  /** Puts `wrapper` around an added route's handler (a limit shared by several routes); throws if there is none. */
  wrap(method: string, pattern: string, wrapper: (handler: RouteHandler) => RouteHandler): this {
    const segments = split(pattern).join('/')
    const route = this.routes.find((r) => r.method === method && r.segments.join('/') === segments)
    if (!route) throw new Error(`no route ${method} ${pattern} to wrap`)
    route.handler = wrapper(route.handler)
    return this
  }

  match(method: string, pathname: string): RouteMatch {
    const segments = split(pathname)
    const allowed: string[] = []
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments)
      if (!params) continue
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        return { kind: 'found', handler: route.handler, params }
      }
      allowed.push(route.method)
    }
    return allowed.length > 0 ? { kind: 'wrong_method', allowed } : { kind: 'none' }
  }
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0)
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] ?? ''
    const value = actual[i] ?? ''
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(value)
      } catch {
        return null
      }
    } else if (expected !== value) return null
  }
  return params
}
