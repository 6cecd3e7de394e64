import { readFileSync } from 'node:fs'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(async () => {
  ls = await testLinkscore()
})
afterAll(() => ls.close())

describe('the page font', () => {
  const css = readFileSync('static/css/linkscore.css', 'utf8')
  const fontUrls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!)

  it('is Source Sans 3, for the whole page, in regular, italic and semibold', () => {
    expect(css).toMatch(/html \{\s*font-family: 'Source Sans 3', arial, sans-serif;/)
    const faces = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map((m) => m[1]!)
    const styles = faces.map((f) => `${f.match(/font-family: ([^;]+);/)![1]} ${f.match(/font-style: (\w+)/)![1]} ${f.match(/font-weight: (\d+)/)![1]}`)
    expect([...new Set(styles)]).toEqual(["'Source Sans 3' normal 400", "'Source Sans 3' italic 400", "'Source Sans 3' normal 600"])
  })

  it('is served from our own origin, as the CSP (font-src self) requires', async () => {
    expect(fontUrls.length).toBeGreaterThan(0)
    for (const url of fontUrls) {
      expect(url).toMatch(/^\/vendor\/source-sans-3\/[\w-]+\.woff2$/)
      const res = await request(ls.app).get(url)
      expect(res.status, url).toBe(200)
      expect(res.headers['content-type']).toBe('font/woff2')
    }
    const csp = (await request(ls.app).get('/')).headers['content-security-policy'] as string
    expect(csp).toContain("font-src 'self'")
  })

  it('ships with its licence, the SIL Open Font License', () => {
    expect(readFileSync('node_modules/@fontsource/source-sans-3/LICENSE', 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1')
  })
})
