// Staff pages in a real browser: signing in and out by keyboard, and no axe-core violations on the sign-in, home, sessions,
// audit and staff accounts pages.
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { watchPage, type PageWatch } from '../support/page-problems.js'
import { addStaff, submitSignInForm } from '../support/staff-users.js'
import { testLinkscore } from '../support/test-linkscore.js'

let page: Page
let password: string
let watch: PageWatch

const chromium = chromiumHarness({
  async linkscore() {
    const ls = await testLinkscore()
    await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
    await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
    password = await addStaff(ls, 'admin@example.org', 'admin')
    for (let i = 1; i <= 60; i++) await ls.services.auditLog.audit({ kind: 'command line' }, 'password reset', { user: `user${i}@example.org` })
    return ls
  },
})

async function signInByKeyboard(email: string, secret: string) {
  await page.goto(`${chromium.url}/sign-in`)
  await page.getByLabel('E-mail address').focus()
  await page.keyboard.type(email)
  await page.keyboard.press('Tab')
  await page.keyboard.type(secret)
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
}

chromium.describe('staff pages', () => {
  beforeEach(async () => {
    page = await chromium.newPage()
    // A form with errors answers 422, which Chromium reports; that is expected.
    watch = watchPage(page, chromium.url, { expectedStatuses: [422] })
  })
  afterEach(() => {
    expect(watch.problems).toEqual([])
  })

  it('has no accessibility violations on the sign-in page, with and without errors', async () => {
    await page.goto(`${chromium.url}/sign-in`)
    await expectNoAxeViolations(page, 'sign-in page')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
    expect(await page.title()).toBe('Error: Sign in – Linkscore')
    await expectNoAxeViolations(page, 'sign-in page with errors')
    await page.getByRole('link', { name: 'Enter your e-mail address' }).click()
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('email')
  })

  it('signs in by keyboard, and has no violations on the staff home, audit and staff accounts pages', async () => {
    await signInByKeyboard('admin@example.org', password)
    expect(new URL(page.url()).pathname).toBe('/staff')
    await expectNoAxeViolations(page, 'staff home page')
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Audit log' }).click()])
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log (page 1 of 2)')
    await expectNoAxeViolations(page, 'audit log page')
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Next/ }).click()])
    await expectNoAxeViolations(page, 'audit log, last page')
    await page.goto(`${chromium.url}/accounts`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Staff accounts')
    await expectNoAxeViolations(page, 'staff accounts page')
  })

  it('has no violations on the sessions page, and ends another session from it by keyboard', async () => {
    const other = await chromium.newPage()
    await other.goto(`${chromium.url}/sign-in`)
    await submitSignInForm(other, 'admin@example.org', password)
    await signInByKeyboard('admin@example.org', password)
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Your sessions' }).click()])
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your sessions')
    await expectNoAxeViolations(page, 'sessions page')
    await page
      .getByRole('button', { name: /^End the session signed in/ })
      .first()
      .focus()
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    expect(await page.locator('.nhsuk-inset-text p').textContent()).toBe('1 session has been ended.')
    await expectNoAxeViolations(page, 'sessions page after ending one')
    await other.goto(`${chromium.url}/staff`)
    expect(new URL(other.url()).pathname).toBe('/sign-in')
  })

  it('signs out from the header', async () => {
    await signInByKeyboard('admin@example.org', password)
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign out' }).click()])
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    await page.goto(`${chromium.url}/staff`)
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in?next=%2Fstaff')
  })
})
