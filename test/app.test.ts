// What createApp sets up from the configuration alone.
import request from 'supertest'
import { expect, it } from 'vitest'
import { testLinkscore } from './support/test-linkscore.js'

// That the view cache really keeps compiled templates (and re-reads them without it) is shown over real files in
// test/middleware/layout-renderer.test.ts: the app's view engine keeps its own, not EJS's cache.
it.each([
  { production: true, cached: true },
  { production: false, cached: false },
])('caches compiled templates when production is $production: $cached', async ({ production, cached }) => {
  const ls = await testLinkscore({ production, templates: 'as the mode sets' })
  try {
    expect(ls.app.enabled('view cache')).toBe(cached)
    const page = await request(ls.app).get('/accessibility')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<html')
  } finally {
    await ls.close()
  }
})
