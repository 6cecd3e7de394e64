// The instrument-quality page in Chromium, on the demo, signed in as its evaluator: reached from the staff home page,
// no axe-core violations at desktop and phone widths, the setting chosen by a GET form, and whole without JavaScript.
// Screenshots at both widths are kept in test-results/ to look at.
import { mkdirSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { seedDemoStaff } from '../../server/demo/seed-demo-staff.js'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { submitSignInForm } from '../support/staff-users.js'
import { watchPage, type PageWatch } from '../support/page-problems.js'
import { REAL_QUESTIONNAIRES, testLinkscore } from '../support/test-linkscore.js'

const ARTEFACTS = 'test-results'
const QUALITY = '/programmes/demo/instrument-quality'

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
    return ls
  },
})

async function signInAs(email: string, next: string) {
  await page.goto(`${chromium.url}${next}`)
  await submitSignInForm(page, email, passwords.get(email)!)
  expect(new URL(page.url()).pathname).toBe(next)
}

chromium.describe('the instrument-quality page', () => {
  beforeEach(async () => {
    context = await chromium.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    watch = watchPage(page, chromium.url)
  })
  afterEach(() => {
    expect(watch.problems).toEqual([])
  })

  it('is linked from the staff home page, has no violations at either width, and takes a setting by a GET form', async () => {
    await signInAs('demo-evaluator@example.org', '/staff')
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /^Instrument quality/ }).click()])
    expect(new URL(page.url()).pathname).toBe(QUALITY)
    await expectNoAxeViolations(page, 'instrument quality')
    await page.getByLabel('Wave', { exact: true }).selectOption('six-months')
    await page.getByLabel('Setting', { exact: true }).selectOption('general_practice')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Show' }).click()])
    expect(new URL(page.url()).search).toBe('?wave=six-months&setting=general_practice')
    expect(await page.locator('table.ls-quality-scales caption').first().textContent()).toContain('General practice')
    mkdirSync(ARTEFACTS, { recursive: true })
    await page.screenshot({ path: `${ARTEFACTS}/instrument-quality-1280.png`, fullPage: false })
    await page.setViewportSize({ width: 390, height: 844 })
    await expectNoAxeViolations(page, 'instrument quality at phone width')
    await page.screenshot({ path: `${ARTEFACTS}/instrument-quality-390.png`, fullPage: false })
    // Wide tables scroll inside their region; the page itself does not.
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth),
    ).toBe(390)
  })

  it('works without JavaScript: every table shown, the form sent by GET', async () => {
    await signInAs('demo-evaluator@example.org', QUALITY)
    const plain = await chromium.newPage({ javaScriptEnabled: false, storageState: await context.storageState() })
    await plain.goto(`${chromium.url}${QUALITY}`)
    // Two scored questionnaires, each with its scales, items and alpha in each wave.
    expect(await plain.locator('table').count()).toBe(6)
    for (const table of await plain.locator('table').all()) expect(await table.isVisible()).toBe(true)
    await plain.getByLabel('Setting', { exact: true }).selectOption('link_worker')
    await Promise.all([plain.waitForNavigation(), plain.getByRole('button', { name: 'Show' }).click()])
    expect(new URL(plain.url()).search).toBe('?wave=twelve-months&setting=link_worker')
    await plain.close()
  })
})
