// The staff accounts pages in a real browser, JavaScript on: the list, the add form with its errors, the one-time password
// page, changing a role, the forced change of a one-time password at sign-in and the change-password page with its errors,
// each without axe-core violations. (test/routes/staff drives them as plain HTML forms.)
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { addStaff, submitSignInForm } from '../support/staff-users.js'
import { testLinkscore } from '../support/test-linkscore.js'

let page: Page
let password: string

const chromium = chromiumHarness({
  async linkscore() {
    const ls = await testLinkscore()
    await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
    await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
    password = await addStaff(ls, 'ada@example.org', 'admin')
    return ls
  },
})

const go = (click: () => Promise<void>) => Promise.all([page.waitForNavigation(), click()])

chromium.describe('the staff accounts pages', () => {
  it('adds a steering member, shows the password once, changes the role, and makes the newcomer choose a password', async () => {
    page = await chromium.newPage()
    await page.goto(`${chromium.url}/sign-in`)
    await submitSignInForm(page, 'ada@example.org', password)
    await go(() => page.getByRole('link', { name: 'Staff accounts' }).click())
    expect(await page.title()).toBe('Staff accounts – Linkscore')
    await expectNoAxeViolations(page, 'the list')

    await go(() => page.getByRole('button', { name: 'Add a staff account' }).click())
    await go(() => page.getByRole('button', { name: 'Add the account' }).click())
    expect(await page.title()).toBe('Error: Add a staff account – Linkscore')
    await expectNoAxeViolations(page, 'the add form with errors')

    await page.getByLabel('E-mail address').fill('sam@example.org')
    await page.getByLabel('Steering group member').check()
    await page.getByLabel('North One (N1)').check()
    await go(() => page.getByRole('button', { name: 'Add the account' }).click())
    expect(await page.locator('h1').textContent()).toBe('Account added for sam@example.org')
    const oneTime = (await page.locator('#one-time-password').textContent())!
    await expectNoAxeViolations(page, 'the one-time password')

    await page.goto(`${chromium.url}/accounts`)
    await go(() => page.getByRole('link', { name: 'Change role and scope of sam@example.org' }).click())
    expect(await page.getByLabel('North One (N1)').isChecked()).toBe(true)
    await expectNoAxeViolations(page, 'change role')
    await page.getByLabel('Evaluator').check()
    await page.getByLabel('North One (N1)').uncheck()
    await page.getByLabel('North PCN').check()
    await go(() => page.getByRole('button', { name: 'Save the role and scope' }).click())
    expect(await page.locator('.ls-account', { hasText: 'sam@example.org' }).locator('p').first().textContent()).toBe('evaluator (north)')

    const newcomer = await chromium.newPage()
    page = newcomer
    await page.goto(`${chromium.url}/sign-in`)
    await submitSignInForm(page, 'sam@example.org', oneTime)
    expect(await page.locator('h1').textContent()).toBe('Choose a new password before you go on')
    await page.getByLabel('The password you signed in with').fill(oneTime)
    await page.getByLabel('New password', { exact: true }).fill('password12345')
    await page.getByLabel('Confirm your new password').fill('password12345')
    await go(() => page.getByRole('button', { name: 'Save the new password' }).click())
    expect(await page.locator('.nhsuk-error-summary a').allTextContents()).toEqual([
      'Enter a new password that is not among the most common passwords or made from them: try three or four unrelated words',
    ])
    await expectNoAxeViolations(page, 'the change-password page with errors')
    await page.getByLabel('The password you signed in with').fill(oneTime)
    await page.getByLabel('New password', { exact: true }).fill('violet kettle marching quietly')
    await page.getByLabel('Confirm your new password').fill('violet kettle marching quietly')
    await go(() => page.getByRole('button', { name: 'Save the new password' }).click())
    expect(await page.locator('h1').textContent()).toBe('Your programmes')
    expect(await page.locator('.nhsuk-inset-text').textContent()).toContain('Your new password is saved')
  })
})
