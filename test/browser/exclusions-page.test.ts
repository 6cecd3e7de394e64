// The exclusions page in a real browser: a burst to check, the form with its errors, the preview, and the exclusion made,
// each without axe-core violations. (The pages need no script: test/routes/exclusions drives them as plain HTML forms.)
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { seedExportFixture } from '../support/export-fixture.js'
import { addStaff, submitSignInForm } from '../support/staff-users.js'
import { testLinkscore } from '../support/test-linkscore.js'

const BURST_AT = '2026-07-09T09:00:00.000Z'
let page: Page
let password: string

const chromium = chromiumHarness({
  async linkscore() {
    const ls = await testLinkscore()
    await seedExportFixture(ls)
    const programme = (await ls.repos.programmes.findBySlug('north'))!
    const wave = (await ls.repos.waves.findBySlug(programme.id, 'baseline'))!
    const practice = (await ls.repos.practices.findByCode('N2'))!
    for (let i = 0; i < 25; i++)
      await ls.repos.responses.create({
        invitationId: null,
        practiceId: practice.id,
        waveId: wave.id,
        resumeToken: `burst-${i}`.padEnd(24, 'x'),
        source: 'open_link',
        role: null,
        setting: null,
        at: BURST_AT,
      })
    password = await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] })
    return ls
  },
})

chromium.describe('the exclusions page', () => {
  it('sets a burst aside from its link, through the preview, with no violations on the way', async () => {
    page = await chromium.newPage()
    await page.goto(`${chromium.url}/sign-in`)
    await submitSignInForm(page, 'eva@example.org', password)
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Set responses aside in North PCN' }).click()])
    expect(await page.title()).toBe('Set responses aside: North PCN – Linkscore')
    await expectNoAxeViolations(page, 'exclusions page with a burst')

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /^Fill in the form with this burst/ }).click()])
    expect(await page.getByLabel('Started from').inputValue()).toBe('2026-07-09T10:00')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()])
    expect(await page.title()).toBe('Error: Set responses aside: North PCN – Linkscore')
    expect(await page.locator('.nhsuk-error-summary a').allTextContents()).toEqual(['Enter why these responses are set aside'])
    await expectNoAxeViolations(page, 'exclusions page with an error')

    await page.getByLabel('Why are you setting these responses aside?').fill('25 starts in a minute and none went further')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()])
    expect(await page.locator('h1').textContent()).toBe('Set aside 25 responses?')
    await expectNoAxeViolations(page, 'the preview')

    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Set aside 25 responses' }).click()])
    expect(await page.locator('.ls-exclusion h3').textContent()).toMatch(/^Baseline: North N2 \(N2\)\s+Set aside$/)
    expect(await page.locator('.ls-bursts').count()).toBe(0)
    await expectNoAxeViolations(page, 'exclusions page with an exclusion')
  })
})
