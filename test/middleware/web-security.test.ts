import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PERMISSIONS_POLICY } from '../../server/middleware/set-up-web-security.js'
import { registeredRoutes } from '../support/registered-routes.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(async () => {
  ls = await testLinkscore()
  await seedProgramme(ls, ['pilot'])
})
afterAll(() => ls.close())

describe('security headers', () => {
  it('sends a Content Security Policy without unsafe-inline, and the usual hardening headers', async () => {
    const res = await request(ls.app).get('/p/P001/baseline')
    const csp = res.headers['content-security-policy'] as string
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
  })

  it.each(['/', '/p/P001/baseline', '/privacy', '/no-such-page'])('%s has no inline script or style', async (url) => {
    const html = (await request(ls.app).get(url)).text
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/<style/)
    expect(html).not.toMatch(/\sstyle=/)
    expect(html).not.toMatch(/\son[a-z]+=/)
  })

  it('sets the form cookie of a visitor without a session HttpOnly and SameSite (the session cookie: test/routes/staff/sign-in.test.ts)', async () => {
    const res = await request(ls.app).get('/p/P001/baseline')
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('linkscore.form='))
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
  })

  it('serves nhsuk-frontend CSS without the NHS web font', async () => {
    const res = await request(ls.app).get('/vendor/nhsuk/nhsuk-frontend.min.css')
    expect(res.status).toBe(200)
    expect(res.text).toContain('.nhsuk-radios__input')
    expect(res.text).not.toContain('@font-face')
    expect(res.text).not.toContain('assets.nhs.uk')
  })

  it.each([
    '/healthz',
    '/',
    '/p/P001/baseline',
    '/s/no-such-token',
    '/r/no-such-token',
    '/sign-in',
    '/staff',
    '/no-such-page',
    '/vendor/nhsuk/nhsuk-frontend.min.css',
  ])('%s has every security header, framing denied to match the CSP', async (url) => {
    const res = await request(ls.app).get(url)
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['permissions-policy']).toBe(PERMISSIONS_POLICY)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-powered-by']).toBeUndefined()
  })

  it.each(['/', '/p/P001/baseline', '/s/no-such-token', '/sign-in', '/staff', '/no-such-page'])(
    '%s may not be stored by a browser or proxy, so it has no ETag to check a stored copy by',
    async (url) => {
      const { headers } = await request(ls.app).get(url)
      expect([headers['cache-control'], headers.etag]).toEqual(['no-store', undefined])
    },
  )

  // A value for each route parameter: real where the seeded programme has one, so some answers are pages, not 404s.
  const SAMPLE: Record<string, string> = {
    practiceCode: 'P001',
    waveSlug: 'baseline',
    slug: 'test',
    code: 'P001',
    kind: 'answers',
    questionnaireId: 'pilot',
    sectionId: 'first-page',
  }

  it('sends every security header, and no-store, on every route the router has, whatever it answers', async () => {
    const routes = registeredRoutes(ls.app)
    const problems: string[] = []
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => SAMPLE[name] ?? 'no-such-thing')
      const res = route.method === 'POST' ? await request(ls.app).post(path).type('form').send('') : await request(ls.app).get(path)
      const h = res.headers
      const expected: [string, boolean][] = [
        ["frame-ancestors 'none'", String(h['content-security-policy']).includes("frame-ancestors 'none'")],
        ['X-Frame-Options: DENY', h['x-frame-options'] === 'DENY'],
        ['Permissions-Policy', h['permissions-policy'] === PERMISSIONS_POLICY],
        ['nosniff', h['x-content-type-options'] === 'nosniff'],
        ['no X-Powered-By', h['x-powered-by'] === undefined],
        // The vendored nhsuk-frontend files are the same for everyone, and cached on purpose.
        ['Cache-Control: no-store', route.path.startsWith('/vendor/') || h['cache-control'] === 'no-store'],
      ]
      for (const [header, ok] of expected) if (!ok) problems.push(`${route.method} ${route.path} (${res.status}): ${header}`)
    }
    expect(problems).toEqual([])
    expect(routes.length).toBeGreaterThan(35)
  })

  it('leaves the static assets cacheable, with an ETag to check a stored copy by', async () => {
    for (const url of ['/vendor/nhsuk/nhsuk-frontend.min.css', '/static/css/linkscore.css']) {
      const { headers } = await request(ls.app).get(url)
      expect(headers['cache-control'], url).not.toContain('no-store')
      const revalidated = await request(ls.app).get(url).set('If-None-Match', headers.etag!)
      expect(revalidated.status, url).toBe(304)
    }
  })

  it('answers /healthz', async () => {
    expect((await request(ls.app).get('/healthz')).body).toEqual({ status: 'ok' })
  })
})
