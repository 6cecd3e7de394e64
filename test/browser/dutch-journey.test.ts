// The respondent journey in Dutch on a phone-sized screen, in a real browser: from the start page (?lang=nl) to the
// confirmation, with the error summary and the saved page on the way, and axe-core (its lang rules included) on each.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { REAL_QUESTIONNAIRES, testLinkscore } from '../support/test-linkscore.js'
import { answerPageByMouse, heading, isSectionPage, navigatingBy, pagePath, readItems } from './journey-steps.js'

const PHONE = { viewport: { width: 390, height: 844 } }
const MAX_PAGES = 20

const chromium = chromiumHarness({
  fresh: 'once',
  async linkscore() {
    const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    const admin = ls.services.admin
    const programme = await admin.addProgramme({ slug: 'dual', name: 'Huisartsen Noord' })
    await ls.repos.programmes.update(programme.id, { ...programme, languages: ['en-GB', 'nl'], interventionNames: { nl: 'welzijn op recept' } })
    await admin.addPractice({ programme: 'dual', code: 'P1', name: 'Praktijk De Linde' })
    await admin.addWave({ programme: 'dual', slug: 'nulmeting', title: 'Nulmeting', questionnaires: ['context', 'normalisation', 'good-practice'], open: true })
    return ls
  },
})

const press = (page: Page, name: string) => navigatingBy(page, () => page.getByRole('button', { name, exact: true }).click())

async function checked(page: Page, what: string) {
  expect(await page.locator('html').getAttribute('lang'), what).toBe('nl')
  await expectNoAxeViolations(page, `${what} (${pagePath(page)})`)
}

chromium.describe('the respondent journey in Dutch', () => {
  it('runs from the start page to the confirmation on a phone, in Dutch, with no accessibility violations', async () => {
    const page = await chromium.newPage(PHONE)
    await page.goto(`${chromium.url}/p/P1/nulmeting?lang=nl`)
    expect(await heading(page)).toBe('Nulmeting')
    await checked(page, 'start page')
    await press(page, 'Nu beginnen')

    expect(pagePath(page)).toMatch(/\/about-you$/)
    await press(page, 'Doorgaan')
    expect(await page.locator('.nhsuk-error-summary__heading').innerText()).toBe('Er is een probleem')
    await checked(page, 'about you, refused')
    const role = (await readItems(page)).find((item) => item.name === 'role')!
    await page.locator(`#${role.options[0]!.id}`).check()
    await press(page, 'Doorgaan')

    await press(page, 'Opslaan en later verdergaan')
    expect(pagePath(page)).toMatch(/\/saved$/)
    await checked(page, 'saved for later')
    await page.goBack()
    await page.reload()

    let n = 0
    for (let pages = 0; isSectionPage(page); pages++) {
      if (pages === MAX_PAGES) throw new Error(`stuck on ${page.url()}`)
      await checked(page, await heading(page))
      n += (await answerPageByMouse(page, n)).length
      await press(page, 'Doorgaan')
    }
    expect(pagePath(page)).toMatch(/\/check-answers$/)
    await checked(page, 'check your answers')
    await press(page, 'Mijn antwoorden versturen')
    expect(pagePath(page)).toMatch(/\/confirmation$/)
    await checked(page, 'confirmation')
  }, 180_000)
})
