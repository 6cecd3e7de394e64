// What createApp sets up from the configuration alone.
import ejs from 'ejs'
import request from 'supertest'
import { expect, it } from 'vitest'
import { testLinkscore } from './support/test-linkscore.js'

it.each([
  { production: true, cached: true },
  { production: false, cached: false },
])('caches compiled templates when production is $production: $cached', async ({ production, cached }) => {
  const ls = await testLinkscore({ production, templates: 'as the mode sets' })
  try {
    ejs.clearCache()
    expect(ls.app.enabled('view cache')).toBe(cached)
    expect((await request(ls.app).get('/accessibility')).status).toBe(200)
    const layouts = Object.keys((ejs.cache as unknown as { _data: Record<string, unknown> })._data ?? {}).filter((file) => file.endsWith('layouts/main.ejs'))
    expect(layouts.length).toBe(cached ? 1 : 0)
  } finally {
    ejs.clearCache()
    await ls.close()
  }
})
