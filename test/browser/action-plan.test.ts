// Recording an action for a scorecard priority in Chromium at 390 px, as the demo practice's steering member: the
// form, its error summary and the scorecard that shows the action, each with no axe-core violations (screenshots kept
// in test-results/ to look at).
import { mkdirSync } from 'node:fs'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { seedDemoStaff } from '../../server/demo/seed-demo-staff.js'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { watchPage, type PageWatch } from '../support/page-problems.js'
import { submitSignInForm } from '../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore } from '../support/test-linkscore.js'

const ARTEFACTS = 'test-results'
const SCORECARD = '/programmes/demo/practices/DEMO01'
const STEERING = 'demo-steering@example.org'

let passwords: Map<string, string>
let context: BrowserContext
let page: Page
let watch: PageWatch

const chromium = chromiumHarness({
  async linkscore() {
    // The review date's rules count from "today": the services' clock says which day that is.
    const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES, clock: { now: () => new Date('2026-07-15T10:00:00.000Z') } })
    await seedDemo(ls.repos, ls.services)
    passwords = new Map((await seedDemoStaff(ls.repos, ls.services)).map((a) => [a.email, a.password!]))
    return ls
  },
})

const submit = () => Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save the action' }).click()])

chromium.describe('the action plan', () => {
  beforeEach(async () => {
    context = await chromium.newContext({ viewport: { width: 390, height: 844 } })
    page = await context.newPage()
    // The form sent with errors answers 422, which Chromium reports; that is expected.
    watch = watchPage(page, chromium.url, { expectedStatuses: [422] })
  })
  afterEach(() => {
    expect(watch.problems).toEqual([])
  })

  it('records an action for a baseline priority at 390 px, with no violations on the form, its errors or either scorecard', async () => {
    mkdirSync(ARTEFACTS, { recursive: true })
    await page.goto(`${chromium.url}${SCORECARD}?wave=baseline`)
    await submitSignInForm(page, STEERING, passwords.get(STEERING)!)
    expect(new URL(page.url()).pathname).toBe(SCORECARD)

    const link = page.locator('.ls-action-links a').first()
    const name = (await link.textContent())!.replace('Record an action for ', '')
    await Promise.all([page.waitForNavigation(), link.click()])
    expect(await page.locator('h1').textContent()).toBe(`Record an action for ${name}`)
    await expectNoAxeViolations(page, 'the action form')

    await page.getByLabel('Owner').fill('Practice manager')
    await submit()
    expect(await page.title()).toMatch(/^Error: /)
    expect(await page.locator('.nhsuk-error-summary li').allTextContents()).toEqual(['Enter the action the steering group agreed', 'Enter a review date'])
    await page.screenshot({ path: `${ARTEFACTS}/action-form-errors-390.png`, fullPage: true })
    await expectNoAxeViolations(page, 'the action form with its errors')

    await page.getByLabel('The agreed action').fill('Put social prescribing on the agenda of every partners’ meeting')
    await page.getByLabel('Review date').fill('2026-09-30')
    await submit()
    const url = new URL(page.url())
    expect(url.pathname).toBe(SCORECARD)
    const item = page.locator('.ls-highlight-list li', { has: page.locator('.ls-action') })
    expect((await item.locator('.ls-action').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      'Action: Put social prescribing on the agenda of every partners’ meeting (Practice manager, review by 30 September 2026)',
    )
    expect(await item.locator('.ls-action-links a').first().textContent()).toBe(`Change the action for ${name}`)
    await item.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${ARTEFACTS}/scorecard-action-390.png` })
    await expectNoAxeViolations(page, 'the scorecard with the action')

    // The six-month scorecard shows it beside the change since the baseline.
    await page.goto(`${chromium.url}${SCORECARD}?wave=six-months`)
    const table = page.locator('#earlier-actions')
    expect(await page.locator('#earlier-actions-heading').textContent()).toBe('Actions agreed after Baseline survey (demo)')
    expect(await table.locator('tbody tr').count()).toBe(1)
    expect(await table.locator('tbody th').textContent()).toBe(`${name} Normalisation`)
    await table.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${ARTEFACTS}/scorecard-earlier-actions-390.png` })
    await expectNoAxeViolations(page, 'the next scorecard with the earlier action')
    await page.setViewportSize({ width: 1280, height: 900 })
    await table.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${ARTEFACTS}/scorecard-earlier-actions-1280.png` })
  })
})
