// The waves pages in a real browser: the list, the add form with its errors, copying the last wave, and the page that
// confirms opening one, each without axe-core violations. (test/routes/waves drives them as plain HTML forms.)
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { addStaff, submitSignInForm } from '../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore } from '../support/test-linkscore.js'

let page: Page
let password: string

const chromium = chromiumHarness({
  async linkscore() {
    const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
    await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
    await ls.services.admin.addWave({
      programme: 'north',
      slug: 'baseline',
      title: 'Baseline',
      questionnaires: ['context', 'normalisation'],
      opensOn: '2026-01-05',
    })
    await ls.services.admin.createInvitations({ wave: 'baseline', practice: 'N1', count: 3 })
    password = await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] })
    return ls
  },
})

const go = (click: () => Promise<void>) => Promise.all([page.waitForNavigation(), click()])

chromium.describe('the waves pages', () => {
  it('lists the waves, shows the add form with its errors, copies the last wave and confirms opening one, with no violations on the way', async () => {
    page = await chromium.newPage()
    await page.goto(`${chromium.url}/sign-in`)
    await submitSignInForm(page, 'eva@example.org', password)
    await go(() => page.getByRole('link', { name: 'Waves of North PCN' }).click())
    expect(await page.title()).toBe('Waves: North PCN – Linkscore')
    await expectNoAxeViolations(page, 'the list')

    await go(() => page.getByRole('button', { name: 'Add a wave' }).click())
    await go(() => page.getByRole('button', { name: 'Add wave' }).click())
    expect(await page.title()).toBe('Error: Add a wave – Linkscore')
    expect(await page.locator('.nhsuk-error-summary a').allTextContents()).toEqual([
      'Enter a short name for links, like six-months',
      'Enter a title',
      'Choose at least one questionnaire',
    ])
    await expectNoAxeViolations(page, 'the add form with errors')

    await page.goto(`${chromium.url}/programmes/north/waves`)
    await go(() => page.getByRole('button', { name: 'Copy the last wave (Baseline)' }).click())
    expect(await page.getByLabel('Second questionnaire').inputValue()).toBe('normalisation')
    await page.getByLabel('Short name for links').fill('six-months')
    await page.getByLabel('Title').fill('Six months')
    await page.getByLabel('Opening date (optional)').fill('2026-07-06')
    await go(() => page.getByRole('button', { name: 'Add wave' }).click())
    expect(await page.locator('#wave-six-months h2').textContent()).toMatch(/^Six months\s+Draft$/)

    await go(() =>
      page
        .locator('#wave-baseline')
        .getByRole('link', { name: /^Open this wave/ })
        .click(),
    )
    expect(await page.locator('main p').first().textContent()).toBe(
      '1 practice, 3 invitations; respondents with the open link or an invitation can start and send answers from 5 January 2026 until you close it.',
    )
    await expectNoAxeViolations(page, 'the open confirmation')
    await go(() => page.getByRole('button', { name: 'Open the wave' }).click())
    expect(await page.locator('#wave-baseline h2').textContent()).toMatch(/^Baseline\s+Open$/)
  })
})
