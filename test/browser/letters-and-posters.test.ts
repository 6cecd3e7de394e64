// A wave's invitation letters and open-link posters as a coordinator prints them: one A4 page each, no axe-core
// violations, and each QR code, scanned from the page as drawn, leads to its survey; a letter's short code typed at
// /code leads to the same invitation.
import jsQRModule from 'jsqr'
import type { Locator, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { expect, it } from 'vitest'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { addStaff, submitSignInForm } from '../support/staff-users.js'
import { testLinkscore } from '../support/test-linkscore.js'

// jsqr is CommonJS whose types declare an ES default: imported by Node, the module is the function itself.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default

let password = ''

const chromium = chromiumHarness({
  async linkscore() {
    const ls = await testLinkscore()
    const admin = ls.services.admin
    await admin.addProgramme({ slug: 'north', name: 'North PCN' })
    await admin.addPractice({ programme: 'north', code: 'N1', name: 'Alder Surgery' })
    await admin.addPractice({ programme: 'north', code: 'N2', name: 'Birch Practice' })
    await admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring survey', questionnaires: ['pilot'], open: true })
    await admin.createInvitations({ wave: 'spring', practice: 'N1', count: 2 })
    await admin.createInvitations({ wave: 'spring', practice: 'N2', count: 1 })
    password = await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] })
    return ls
  },
})

/** What a phone's camera would read from the QR code drawn in `element`. */
async function scan(element: Locator): Promise<string | undefined> {
  const image = PNG.sync.read(await element.screenshot())
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

/** Pages in the PDF Chromium prints, as A4. */
async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0
}

chromium.describe('letters and posters', () => {
  it('prints a letter per invitation whose QR code and short code each lead to that invitation', async () => {
    const page = await chromium.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto(`${chromium.url}/sign-in?next=%2Fprogrammes%2Fnorth%2Fwaves`)
    await submitSignInForm(page, 'eva@example.org', password)
    const link = page.locator('a[href="/programmes/north/waves/spring/letters"]')
    expect(await link.textContent()).toBe('Print letters for the invitations: Spring survey')
    await Promise.all([page.waitForNavigation(), link.click()])
    expect(await page.title()).toBe('Letters for Spring survey – Linkscore')
    await expectNoAxeViolations(page, 'the letters')
    const letters = page.locator('.ls-letter')
    expect(await letters.count()).toBe(3)
    expect(await printedPages(page)).toBe(3)

    const base = chromium.ls.config.baseUrl
    const invitations = await chromium.ls.repos.invitations.listByWave(1)
    for (let n = 0; n < 3; n++) {
      const letter = letters.nth(n)
      const scanned = await scan(letter.locator('.ls-letter__qr'))
      const invitation = invitations[n]!
      expect(scanned).toBe(`${base}/s/${invitation.token}`)
      expect(await letter.locator('.ls-letter__link').textContent()).toBe(scanned)
      expect(await letter.locator('.ls-letter__code').textContent()).toBe(`${invitation.shortCode!.slice(0, 4)}-${invitation.shortCode!.slice(4)}`)
    }

    // The first letter read on paper: its code typed at /code reaches the same start page as its QR code.
    const code = await letters.first().locator('.ls-letter__code').textContent()
    const scanned = await scan(letters.first().locator('.ls-letter__qr'))
    const respondent = await chromium.newPage({ viewport: { width: 390, height: 844 } })
    await respondent.goto(`${chromium.url}/code`)
    await expectNoAxeViolations(respondent, 'the code page')
    await respondent.getByLabel('Code').fill(code!.toLowerCase())
    await Promise.all([respondent.waitForNavigation(), respondent.getByRole('button', { name: 'Continue' }).click()])
    expect(new URL(respondent.url()).pathname).toBe(new URL(scanned!).pathname)
    expect(await respondent.locator('h1').textContent()).toBe('Spring survey')
  })

  it("prints a poster per practice whose QR code opens that practice's survey", async () => {
    const page = await chromium.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${chromium.url}/sign-in?next=%2Fprogrammes%2Fnorth%2Fwaves%2Fspring%2Fposters`)
    await submitSignInForm(page, 'eva@example.org', password)
    expect(await page.title()).toBe('Posters for Spring survey – Linkscore')
    await expectNoAxeViolations(page, 'the posters')
    expect(await printedPages(page)).toBe(2)
    const scanned = await scan(page.locator('.ls-poster__qr').nth(1))
    expect(scanned).toBe(`${chromium.ls.config.baseUrl}/p/N2/spring`)
    await page.goto(`${chromium.url}${new URL(scanned!).pathname}`)
    expect(await page.locator('h1').textContent()).toBe('Spring survey')
    expect(await page.locator('main').textContent()).toContain('Birch Practice')
  })
})
