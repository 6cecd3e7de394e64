// Staff pages in a real browser: signing in and out by keyboard, and no axe-core violations on the sign-in, home and audit pages.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { axeViolations, describeViolations } from '../support/axe.js'
import { chromiumPath, launchBrowser, skipBrowserReason } from '../support/browser.js'
import { addStaff } from '../support/staff-users.js'
import { listen, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let browser: Browser
let ls: TestLinkscore
let server: Awaited<ReturnType<typeof listen>>
let context: BrowserContext
let page: Page
let password: string
let problems: string[]

async function expectNoViolations(what: string) {
  const violations = await axeViolations(page)
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([])
}

async function signInByKeyboard(email: string, secret: string) {
  await page.goto(`${server.url}/sign-in`)
  await page.getByLabel('E-mail address').focus()
  await page.keyboard.type(email)
  await page.keyboard.press('Tab')
  await page.keyboard.type(secret)
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
}

describe.skipIf(!chromiumPath)(`staff pages in Chromium${skipBrowserReason ? ` (skipped: ${skipBrowserReason})` : ''}`, () => {
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  beforeEach(async () => {
    ls = testLinkscore()
    ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
    ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
    password = await addStaff(ls, 'admin@example.org', 'admin')
    for (let i = 1; i <= 60; i++) ls.services.auditLog.audit({ kind: 'command line' }, 'password reset', { user: `user${i}@example.org` })
    server = await listen(ls.app)
    context = await browser.newContext()
    page = await context.newPage()
    problems = []
    page.on('console', (m) => {
      // A form with errors answers 422, which Chromium reports; that is expected.
      if (/status of 422/.test(m.text())) return
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()} on ${page.url()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`script error on ${page.url()}: ${e.message}`))
  })
  afterEach(async () => {
    await context?.close()
    await server?.stop()
    ls?.close()
    expect(problems).toEqual([])
  })

  it('has no accessibility violations on the sign-in page, with and without errors', async () => {
    await page.goto(`${server.url}/sign-in`)
    await expectNoViolations('sign-in page')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
    expect(await page.title()).toBe('Error: Sign in – Linkscore')
    await expectNoViolations('sign-in page with errors')
    await page.getByRole('link', { name: 'Enter your e-mail address' }).click()
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('email')
  })

  it('signs in by keyboard, and has no violations on the staff home and audit pages', async () => {
    await signInByKeyboard('admin@example.org', password)
    expect(new URL(page.url()).pathname).toBe('/staff')
    await expectNoViolations('staff home page')
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Audit log' }).click()])
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log (page 1 of 2)')
    await expectNoViolations('audit log page')
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Next/ }).click()])
    await expectNoViolations('audit log, last page')
  })

  it('signs out from the header', async () => {
    await signInByKeyboard('admin@example.org', password)
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign out' }).click()])
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    await page.goto(`${server.url}/staff`)
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in?next=%2Fstaff')
  })
})
