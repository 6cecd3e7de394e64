// The practices pages in a real browser with JavaScript on: the list, the add form with its errors, a CSV import through
// its preview, and the remove confirmation, each without axe-core violations. (test/routes/practices drives them as HTML.)
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
    await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One', listSize: 8000 })
    await ls.services.admin.addWave({ programme: 'north', slug: 'baseline', title: 'Baseline', questionnaires: ['pilot'] })
    password = await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] })
    return ls
  },
})

const go = (click: () => Promise<void>) => Promise.all([page.waitForNavigation(), click()])

chromium.describe('the practices pages', () => {
  it('lists the practices, shows the add form with its errors, imports a CSV file through its preview and confirms a removal, with no violations', async () => {
    page = await chromium.newPage()
    await page.goto(`${chromium.url}/sign-in`)
    await submitSignInForm(page, 'eva@example.org', password)
    await go(() => page.getByRole('link', { name: 'Practices of North PCN', exact: true }).click())
    expect(await page.title()).toBe('Practices: North PCN – Linkscore')
    await expectNoAxeViolations(page, 'the list')

    await go(() => page.getByRole('button', { name: 'Add a practice' }).click())
    await page.getByLabel('List size (optional)').fill('a lot')
    await go(() => page.getByRole('button', { name: 'Add the practice' }).click())
    expect(await page.title()).toBe('Error: Add a practice – Linkscore')
    expect(await page.locator('.nhsuk-error-summary a').allTextContents()).toEqual([
      'Enter the practice code, such as its ODS code B86001',
      'Enter the practice name',
      'Enter a list size as a whole number of patients, such as 8400',
    ])
    await expectNoAxeViolations(page, 'the add form with errors')

    await page.goto(`${chromium.url}/programmes/north/practices/import`)
    await page.getByLabel('CSV file of practices').setInputFiles({
      name: 'practices.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code,name,list_size\nN2,Hillside,5000\nN3,,12\n'),
    })
    await go(() => page.getByRole('button', { name: 'Check the file' }).click())
    expect(await page.title()).toBe('Check the practices to import – Linkscore')
    await expectNoAxeViolations(page, 'the import preview')
    await go(() => page.getByRole('button', { name: 'Import 1 practice' }).click())
    expect(await page.locator('#practice-N2 th').first().textContent()).toContain('Hillside')

    await go(() =>
      page
        .locator('#practice-N2')
        .getByRole('link', { name: /^Remove/ })
        .click(),
    )
    expect(await page.title()).toBe('Remove Hillside – Linkscore')
    await expectNoAxeViolations(page, 'the remove confirmation')
    await go(() => page.getByRole('button', { name: 'Remove the practice' }).click())
    expect(await page.locator('#practice-N2').count()).toBe(0)
  })
})
