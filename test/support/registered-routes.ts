// The routes an Express 5 app registers, read from its router's stack, so that a test's table of routes can be checked against the app.
import type { Express } from 'express'

export interface RegisteredRoute {
  /** GET, POST…, or ALL for app.all() */
  method: string
  /** As registered, e.g. /programmes/:slug/exports */
  path: string
  matches(path: string): boolean
}

// The little of router@2's Layer this reads; @types/express describes an older shape.
interface Layer {
  route?: { path: string; methods: Record<string, boolean | undefined> }
  handle: { stack?: Layer[] }
  slash: boolean
  match(path: string): boolean
}

/** Every route of the app, those of nested routers included, in the order the router tries them. */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  const walk = (stack: Layer[]): RegisteredRoute[] =>
    stack.flatMap((layer) => {
      const { route } = layer
      if (route) {
        return Object.keys(route.methods)
          .filter((method) => route.methods[method])
          .map((method) => ({ method: method === '_all' ? 'ALL' : method.toUpperCase(), path: route.path, matches: (path: string) => layer.match(path) }))
      }
      if (!layer.handle.stack) return []
      // A router mounted below a path would need that path put before its routes' paths, which router@2 does not keep.
      if (!layer.slash) throw new Error('registeredRoutes() reads only routers mounted at "/"; one is mounted below a path')
      return walk(layer.handle.stack)
    })
  return walk((app.router as unknown as { stack: Layer[] }).stack)
}

/** The route that answers a request: the first, in the router's order, registered for its method whose path matches. */
export function routeAnswering(routes: readonly RegisteredRoute[], method: string, url: string): RegisteredRoute | undefined {
  const path = new URL(url, 'http://localhost').pathname
  return routes.find((route) => (route.method === method || route.method === 'ALL') && route.matches(path))
}
