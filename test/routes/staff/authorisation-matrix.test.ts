// Every route × every kind of visitor, with the exact status each must get. The last test fails until ROUTES visits
// every route the app registers, so a new route cannot be added without saying who may use it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registeredRoutes, routeAnswering } from '../../support/registered-routes.js'
import { ROUTES, seedRouteMatrix, VISITORS, visit, visitorClient, type Visitor } from '../../support/route-matrix.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let passwords: Map<Visitor, string>

beforeAll(async () => {
  ls = await testLinkscore({ signIn: { addressFreeFailures: 10_000 } })
  passwords = await seedRouteMatrix(ls)
})
afterAll(() => ls.close())

describe.each(ROUTES)('$method $path', (route) => {
  it.each(VISITORS)('answers %s with the expected status', async (visitor) => {
    const page = await visit(route, await visitorClient(ls, passwords, visitor))
    expect(page.status).toBe(route.expected[visitor])
    if (route.redirects?.[visitor]) expect(page.location).toBe(route.redirects[visitor])
    // Out of scope looks exactly like a page that does not exist.
    if (page.status === 404) expect(page.heading).toBe('Page not found')
  })
})

it('covers every visitor for every route', () => {
  for (const route of ROUTES) expect(Object.keys(route.expected).sort()).toEqual([...VISITORS].sort())
})

it('visits every route the app registers, and nothing else', () => {
  const registered = registeredRoutes(ls.app)
  const visits = ROUTES.map((row) => ({ row: `${row.method} ${row.path}`, route: routeAnswering(registered, row.method, row.path) }))
  expect(
    visits.filter((v) => !v.route).map((v) => v.row),
    'rows that no route answers',
  ).toEqual([])
  const visited = new Set(visits.map((v) => v.route))
  expect(
    registered.filter((route) => !visited.has(route)).map((route) => `${route.method} ${route.path}`),
    'routes that no row of ROUTES visits: add them, with the status each visitor must get',
  ).toEqual([])
})
