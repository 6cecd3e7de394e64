// The e-mail invitations page in a real browser, with a real SMTP server: the form with a line's mistake, the address
// list in counts after sending, at 390 and 1280 px, each without axe-core violations (screenshots kept in test-results/).
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js'
import { addStaff, submitSignInForm } from '../support/staff-users.js'
import { testLinkscore } from '../support/test-linkscore.js'

const ARTEFACTS = 'test-results'
let smtp: TestSmtpServer
let password: string
beforeAll(async () => {
  smtp = await startSmtpServer()
})
afterAll(() => smtp.stop())

const chromium = chromiumHarness({
  async linkscore() {
    const ls = await testLinkscore({ config: { smtp: smtp.settings } })
    await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
    await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'Alder Surgery' })
    await ls.services.admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['pilot'], open: true })
    password = await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] })
    return ls
  },
})

const go = (page: Page, click: () => Promise<void>) => Promise.all([page.waitForNavigation(), click()])

chromium.describe('the e-mail invitations page', () => {
  it.each([390, 1280])('names a bad line, then sends and shows counts only, at %i px', async (width) => {
    mkdirSync(ARTEFACTS, { recursive: true })
    const page = await chromium.newPage({ viewport: { width, height: 900 } })
    page.setDefaultTimeout(5000)
    await page.goto(`${chromium.url}/sign-in`)
    await submitSignInForm(page, 'eva@example.org', password)
    await page.goto(`${chromium.url}/programmes/north/waves`)
    await go(page, () => page.locator('#wave-spring a[href$="/email-invitations"]').click())
    expect(await page.title()).toBe('E-mail invitations: Spring – Linkscore')
    await expectNoAxeViolations(page, 'the page')

    await page.getByLabel('Practice').selectOption('N1')
    await page.getByLabel('E-mail addresses').fill(`ann.${width}@alder.example.org\nbob@`)
    await go(page, () => page.getByRole('button', { name: 'Send the invitations' }).click())
    expect(await page.locator('.nhsuk-error-summary a').allTextContents()).toEqual(["Line 2: 'bob@' is not an e-mail address"])
    await expectNoAxeViolations(page, 'the form with its error')
    await page.screenshot({ path: `${ARTEFACTS}/email-invitations-error-${width}.png`, fullPage: true })

    await page.getByLabel('E-mail addresses').fill(`ann.${width}@alder.example.org\nben.${width}@alder.example.org`)
    await go(page, () => page.getByRole('button', { name: 'Send the invitations' }).click())
    expect((await page.locator('[role=status]').textContent())?.trim()).toBe('2 invitations sent.')
    expect(await page.locator('#address-counts tbody tr').first().locator('td').allTextContents()).toEqual(['2', '2', '0', '0', '0', '0'])
    expect(await page.locator('main').textContent()).not.toContain(`ann.${width}@`)
    await expectNoAxeViolations(page, 'the counts after sending')
    await page.screenshot({ path: `${ARTEFACTS}/email-invitations-sent-${width}.png`, fullPage: true })
  })
})
