// The programme pages in a real browser: the list, the form with and without errors, and the change form, axe-clean.
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
    await ls.repos.programmes.create({ slug: 'demo', name: 'Demo programme', intervention: 'social prescribing', isDemo: true })
    password = await addStaff(ls, 'ada@example.org', 'admin')
    return ls
  },
})

async function signedInPage(path: string): Promise<Page> {
  const signedIn = await chromium.newPage()
  await signedIn.goto(`${chromium.url}/sign-in`)
  await submitSignInForm(signedIn, 'ada@example.org', password)
  await signedIn.goto(`${chromium.url}${path}`)
  return signedIn
}

chromium.describe('the programme pages', () => {
  it('adds a programme through the form, after its errors, with no violations on the way', async () => {
    page = await chromium.newPage()
    await page.goto(`${chromium.url}/sign-in`)
    await submitSignInForm(page, 'ada@example.org', password)
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Programmes' }).click()])
    await expectNoAxeViolations(page, 'programmes list')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add a programme' }).click()])
    await page.getByLabel('Smallest practice group').fill('0')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add the programme' }).click()])
    expect(await page.title()).toBe('Error: Add a programme – Linkscore')
    expect(await page.locator('.nhsuk-error-summary a').allTextContents()).toEqual([
      'Enter a short name for web addresses',
      'Enter a name',
      'The smallest practice group must be 1 or more',
    ])
    await expectNoAxeViolations(page, 'programme form with errors')
    await page.getByLabel('Short name').fill('south')
    await page.getByLabel('Name', { exact: true }).fill('South PCN')
    await page.getByLabel('Smallest practice group').fill('4')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Add the programme' }).click()])
    expect(await page.locator('.ls-programme h2').allTextContents()).toEqual(['Demo programme Demo', 'North PCN', 'South PCN'])
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Change the details of South PCN/ }).click()])
    expect(await page.getByLabel('Smallest practice group').inputValue()).toBe('4')
    await expectNoAxeViolations(page, 'programme change form')
  })

  it('archives a programme after saying what that does, lists it apart, and brings it back', async () => {
    page = await signedInPage('/programmes')
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Archive North PCN' }).click()])
    expect(await page.locator('h1').textContent()).toBe('Archive North PCN')
    await expectNoAxeViolations(page, 'archive confirmation')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Archive the programme' }).click()])
    expect(await page.locator('.ls-programme h2').allTextContents()).toEqual(['Demo programme Demo'])
    expect((await page.locator('.ls-programme h3').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['North PCN Archived'])
    await expectNoAxeViolations(page, 'programmes list with an archived programme')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Bring back into use North PCN' }).click()])
    expect(await page.locator('.ls-programme h2').allTextContents()).toEqual(['Demo programme Demo', 'North PCN'])
  })

  it('asks for the demo programme’s short name before archiving it, and says so when it is not typed', async () => {
    page = await signedInPage('/programmes/demo/archive')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Archive the programme' }).click()])
    expect(await page.title()).toBe('Error: Archive Demo programme – Linkscore')
    expect(await page.locator('.nhsuk-error-summary a').allTextContents()).toEqual(['Type demo to archive the demo programme'])
    await expectNoAxeViolations(page, 'demo archive confirmation with an error')
  })
})
