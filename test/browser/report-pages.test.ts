// The scorecard and the comparison in Chromium, on the demo programme, signed in as its demo users: no axe-core
// violations, charts drawn under the CSP, sorting and filtering by links and forms, pages whole without JavaScript,
// and the scorecard printed in Source Sans 3 to at most two A4 pages (kept in test-results/ to look at).
import { mkdirSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { generateProgramme } from '../../server/demo/generate-programme.js'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { seedDemoStaff } from '../../server/demo/seed-demo-staff.js'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { addStaff, submitSignInForm } from '../support/staff-users.js'
import { watchPage, type PageWatch } from '../support/page-problems.js'
import { REAL_QUESTIONNAIRES, testLinkscore } from '../support/test-linkscore.js'

const ARTEFACTS = 'test-results'
const SCORECARD = '/programmes/demo/practices/DEMO01'
const COMPARE = '/programmes/demo/compare'
const COMPARE_WAVES = '/programmes/demo/compare-waves'

let passwords: Map<string, string>
let context: BrowserContext
let page: Page
let watch: PageWatch

const chromium = chromiumHarness({
  fresh: 'once',
  async linkscore() {
    const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    await seedDemo(ls.repos, ls.services)
    passwords = new Map((await seedDemoStaff(ls.repos, ls.services)).map((a) => [a.email, a.password!]))
    // A programme larger than a page of the comparison, to see its pagination and summarised charts.
    await generateProgramme(ls.repos, ls.services, { slug: 'synthetic', practices: 60, respondents: 3, waves: 1, seed: 3 })
    passwords.set('large-admin@example.org', await addStaff(ls, 'large-admin@example.org', 'admin'))
    return ls
  },
})

async function signInAs(email: string, next: string) {
  await page.goto(`${chromium.url}${next}`)
  expect(new URL(page.url()).pathname).toBe('/sign-in')
  await submitSignInForm(page, email, passwords.get(email)!)
  expect(new URL(page.url()).pathname).toBe(next)
}

// The little of the DOM these tests touch inside the page (the project compiles without the DOM library).
interface Canvas {
  width: number
  height: number
  getAttribute(name: string): string | null
  getBoundingClientRect(): { width: number }
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null
}
interface ChartContainer {
  id: string
  hidden: boolean
  querySelector(selector: 'canvas'): Canvas | null
}

/** Every chart on the page: shown, a chart.js chart on its canvas, and pixels drawn. */
async function drawnCharts(): Promise<{ id: string; hidden: boolean; chart: boolean; inked: boolean; label: string | null }[]> {
  return page.$$eval('[data-chart-data]', (elements) =>
    (elements as unknown as ChartContainer[]).map((container) => {
      const canvas = container.querySelector('canvas')!
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      let inked = false
      for (let i = 3; i < data.length && !inked; i += 4) inked = data[i]! > 0
      const Chart = (globalThis as unknown as { Chart?: { getChart(c: Canvas): unknown } }).Chart
      return { id: container.id, hidden: container.hidden, chart: Boolean(Chart?.getChart(canvas)), inked, label: canvas.getAttribute('aria-label') }
    }),
  )
}

chromium.describe('report pages', () => {
  beforeEach(async () => {
    context = await chromium.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    watch = watchPage(page, chromium.url)
  })
  afterEach(() => {
    expect(watch.problems).toEqual([])
  })

  it('answers on the first screen at 1280 × 800, without scrolling: the bands, the change since last time and the priorities with their actions', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await signInAs('demo-steering@example.org', SCORECARD)
    await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready)
    const seen = await page.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null; getBoundingClientRect(): { top: number; bottom: number } }> }
      }
      const boxes = (selector: string) =>
        Array.from(document.querySelectorAll(selector)).map((el) => ({
          text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
          bottom: el.getBoundingClientRect().bottom,
        }))
      return {
        bands: boxes('.ls-summary-table .ls-band-tag'),
        changes: boxes('.ls-summary-table .ls-plain-change'),
        priorities: boxes('.ls-summary-priorities > li'),
        actions: boxes('.ls-summary-priorities .ls-action'),
        scrollY: (globalThis as unknown as { scrollY: number }).scrollY,
      }
    })
    expect(seen.scrollY).toBe(0)
    // Four areas in each of the two questionnaires, each with its band and its change since six months.
    expect(seen.bands).toHaveLength(8)
    expect(seen.changes).toHaveLength(8)
    expect(seen.changes.map((c) => c.text).some((t) => /^Up \d+ points?, more than chance$/.test(t))).toBe(true)
    expect(seen.changes.map((c) => c.text).some((t) => /^Down \d+ points?, /.test(t))).toBe(true)
    // Three priorities each, every one with the action the demo's steering group agreed.
    expect(seen.priorities).toHaveLength(6)
    expect(seen.actions).toHaveLength(6)
    for (const box of [...seen.bands, ...seen.changes, ...seen.priorities]) expect(box.bottom, box.text).toBeLessThanOrEqual(800)
    await page.screenshot({ path: `${ARTEFACTS}/scorecard-first-screen-1280.png` })
    await expectNoAxeViolations(page, 'scorecard first screen')
  })

  it('shows a steering group member their scorecard, charts drawn, with no violations, and prints it on two A4 pages', async () => {
    await signInAs('demo-steering@example.org', SCORECARD)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Riverside Medical Centre (demo)')
    const charts = await drawnCharts()
    expect(charts.map((c) => [c.id, c.hidden, c.chart, c.inked])).toEqual([
      ['chart-normalisation', false, true, true],
      ['chart-good-practice', false, true, true],
      ['chart-trajectory-normalisation', false, true, true],
      ['chart-trajectory-good-practice', false, true, true],
    ])
    for (const c of charts.slice(0, 2)) expect(c.label).toMatch(/^Bar chart of the practice's/)
    for (const c of charts.slice(2)) expect(c.label).toMatch(/^Line chart of the .* scores in each wave so far/)
    await expectNoAxeViolations(page, 'scorecard')

    // The width of A4 inside print.css's margins, so the screenshot looks like the printed page
    await page.setViewportSize({ width: 718, height: 1039 })
    await page.emulateMedia({ media: 'print' })
    // chart.js redraws at the printed size when its container resizes
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<Canvas> } }
      return Array.from(document.querySelectorAll('.ls-glance canvas')).every((c) => c.getBoundingClientRect().width < 260)
    })
    mkdirSync(ARTEFACTS, { recursive: true })
    await page.screenshot({ path: `${ARTEFACTS}/scorecard-print.png`, fullPage: true })
    await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(() => true))
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    writeFileSync(`${ARTEFACTS}/scorecard.pdf`, pdf)
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []
    expect(pages.length).toBeGreaterThanOrEqual(1)
    expect(pages.length).toBeLessThanOrEqual(2)
    // Printed in the font we ship, not whatever this machine has: that is what keeps it to two pages everywhere.
    const fonts = [...pdf.toString('latin1').matchAll(/\/FontName\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1])
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(font).toMatch(/^SourceSans3/)
    expect(await page.locator('.nhsuk-header').isVisible()).toBe(false)
    expect(await page.locator('form.ls-report-form').isVisible()).toBe(false)
  })

  it('keeps to its Content Security Policy on the scorecard, the comparison and the exports page: no violations, every asset of our own loads', async () => {
    await signInAs('demo-evaluator@example.org', SCORECARD)
    for (const path of [SCORECARD, COMPARE, '/programmes/demo/exports']) {
      const response = await page.goto(`${chromium.url}${path}`)
      const csp = response!.headers()['content-security-policy'] ?? ''
      expect(csp, path).toContain("script-src 'self'")
      expect(csp, path).toContain("font-src 'self'")
      expect(csp, path).not.toContain('unsafe-inline')
      if (path !== '/programmes/demo/exports')
        expect(
          (await drawnCharts()).every((c) => c.chart && c.inked),
          `charts drawn on ${path}`,
        ).toBe(true)
    }
    expect(watch.problems).toEqual([])
    for (const asset of [
      '/static/css/reports.css',
      '/vendor/chart.js/chart.umd.min.js',
      '/static/js/report-charts.js',
      '/vendor/source-sans-3/source-sans-3-latin-400-normal.woff2',
      '/vendor/source-sans-3/source-sans-3-latin-600-normal.woff2',
    ]) {
      expect([200, 304], `${asset} loaded`).toContain(watch.assets.get(asset))
    }
  })

  it('refuses a steering group member the comparison and other practices', async () => {
    await signInAs('demo-steering@example.org', SCORECARD)
    for (const path of [COMPARE, COMPARE_WAVES, '/programmes/demo/practices/DEMO02']) {
      const response = await page.goto(`${chromium.url}${path}`)
      expect(response?.status()).toBe(404)
    }
    watch.problems = watch.problems.filter((p) => !/status of 404|HTTP 404/.test(p))
  })

  it('lets an evaluator review the free text and hide an answer, with no violations at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await signInAs('demo-evaluator@example.org', `${SCORECARD}/free-text`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Review the answers in their own words')
    await expectNoAxeViolations(page, 'free-text review')
    const first = page.locator('.ls-review-answer').first()
    const text = await first.locator('p').first().textContent()
    await first.getByRole('button', { name: 'Hide from the scorecard' }).click()
    await page.waitForURL(/free-text\?wave=/)
    expect(await page.locator('.ls-review-answer--hidden p').first().textContent()).toBe(text)
    await expectNoAxeViolations(page, 'free-text review, one hidden')
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth),
    ).toBe(390)
    await page.locator('.ls-review-answer--hidden').getByRole('button', { name: 'Show on the scorecard again' }).click()
    await page.waitForURL(/free-text\?wave=/)
    expect(await page.locator('.ls-review-answer--hidden').count()).toBe(0)
  })

  it('lets an evaluator compare practices, sort by a heading and filter by setting, with no violations', async () => {
    await signInAs('demo-evaluator@example.org', COMPARE)
    expect((await drawnCharts()).map((c) => [c.id, c.hidden, c.chart, c.inked])).toEqual([
      ['chart-overall', false, true, true],
      ['chart-scatter', false, true, true],
    ])
    await expectNoAxeViolations(page, 'comparison')

    await Promise.all([page.waitForNavigation(), page.locator('.ls-compare-table thead a', { hasText: 'Policy structures' }).click()])
    expect(new URL(page.url()).search).toBe('?sort=good-practice.policy&dir=desc')
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending')
    const rows = await page.locator('.ls-compare-table tbody th').allTextContents()
    // The demo's profiles: Hillside strong on policy, Riverside weak
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Hillside Surgery (demo) (DEMO02)',
      'Market Street Practice (demo) (DEMO03)',
      'Riverside Medical Centre (demo) (DEMO01)',
    ])

    await page.getByLabel('Respondents').selectOption('general_practice')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Apply filters' }).click()])
    expect(new URL(page.url()).searchParams.get('setting')).toBe('general_practice')
    expect(new URL(page.url()).searchParams.get('sort')).toBe('good-practice.policy')
    await expect.poll(() => page.locator('.nhsuk-inset-text').textContent()).toContain('General practice')
    await expectNoAxeViolations(page, 'comparison filtered by setting')
  })

  it('pages a comparison larger than a page by links, with its charts summarised and drawn, and no violations', async () => {
    await signInAs('large-admin@example.org', '/programmes/synthetic/compare')
    expect(await page.locator('.ls-page-showing').textContent()).toBe('Showing 1 to 50 of 60 practices')
    expect((await drawnCharts()).map((c) => [c.id, c.hidden, c.chart, c.inked])).toEqual([
      ['chart-overall', false, true, true],
      ['chart-scatter', false, true, true],
    ])
    await expectNoAxeViolations(page, 'comparison, page 1 of 2')
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Page 2' }).click()])
    expect(new URL(page.url()).search).toBe('?page=2')
    expect(await page.locator('.ls-page-showing').textContent()).toBe('Showing 51 to 60 of 60 practices')
    expect(await page.locator('.ls-compare-table tbody tr').count()).toBe(10)
    mkdirSync(ARTEFACTS, { recursive: true })
    await page.locator('.nhsuk-pagination').screenshot({ path: `${ARTEFACTS}/compare-pagination-1280.png` })
    await page.setViewportSize({ width: 390, height: 844 })
    await expectNoAxeViolations(page, 'comparison, page 2 of 2, at phone width')
    await page.locator('.nhsuk-pagination').screenshot({ path: `${ARTEFACTS}/compare-pagination-390.png` })
  })

  it('lets an evaluator follow groups of practices across the waves from the comparison, by a GET form, with no violations at both widths', async () => {
    await signInAs('demo-evaluator@example.org', COMPARE)
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /^Compare waves/ }).click()])
    expect(new URL(page.url()).pathname).toBe(COMPARE_WAVES)
    expect((await drawnCharts()).map((c) => [c.id, c.hidden, c.chart, c.inked])).toEqual([['chart-compare-waves', false, true, true]])
    await expectNoAxeViolations(page, 'compare waves')
    await page.getByLabel('Questionnaire').selectOption('good-practice')
    await page.getByLabel('Group practices by').selectOption('stage')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Show' }).click()])
    expect(new URL(page.url()).search).toBe('?questionnaire=good-practice&context=stage')
    // The demo records no stages: its three practices form one group, shown at all three waves.
    const rows = await page.locator('.ls-compare-waves-table tbody tr').allTextContents()
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Not recorded \d+ \(3 practices\) \d+ \(3 practices\) \d+ \(3 practices\)$/),
    ])
    await page.setViewportSize({ width: 390, height: 844 })
    await expectNoAxeViolations(page, 'compare waves by stage at phone width')
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth),
    ).toBe(390)
  })

  it('gives whole pages without JavaScript: charts stay hidden and their tables hold the figures', async () => {
    await signInAs('demo-evaluator@example.org', COMPARE)
    const plain = await chromium.newPage({ javaScriptEnabled: false, storageState: await context.storageState() })
    for (const [path, tables] of [
      [SCORECARD, 4],
      [COMPARE, 2],
      [COMPARE_WAVES, 1],
    ] as const) {
      await plain.goto(`${chromium.url}${path}`)
      expect(await plain.locator('[data-chart-data]').evaluateAll((cs) => (cs as unknown as ChartContainer[]).map((c) => c.hidden))).toEqual(
        Array(tables).fill(true),
      )
      expect(await plain.locator('.ls-chart-table').count()).toBe(tables)
      for (const table of await plain.locator('.ls-chart-table').all()) expect(await table.isVisible()).toBe(true)
    }
  })
})
