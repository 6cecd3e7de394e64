// A survey that is quick on a phone (issue 16, point 4): the whole good-practice and normalisation surveys at 390 × 844
// scroll at most 60% of the height they did before the compact layout, with axe-core clean on every page and the keyboard
// journey through a section intact.
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { REAL_QUESTIONNAIRES, seedProgramme, testLinkscore } from '../support/test-linkscore.js'
import {
  answerPageByKeyboard,
  answerPageByMouse,
  checkedValues,
  heading,
  isSectionPage,
  navigatingBy,
  pagePath,
  pressToNavigate,
  readItems,
  tabTo,
} from './journey-steps.js'

const PHONE = { viewport: { width: 390, height: 844 } }
const MAX_PAGES = 20

/**
 * Today's heights: the sum of document.documentElement.scrollHeight over every section page (as first shown, unanswered)
 * and "Check your answers" of a GP's whole survey at 390 × 844, measured with this test's own walk on 2026-12-06 on the
 * code before the compact layout (commit 2f08da0), Debian Chromium.
 */
const BEFORE_COMPACT: Record<string, number> = { 'good-practice': 18_681, normalisation: 18_570 }
const ALLOWED_SHARE = 0.6

const chromium = chromiumHarness({ linkscore: () => testLinkscore({ questionnaires: REAL_QUESTIONNAIRES }) })

const press = (page: Page, name: string) => navigatingBy(page, () => page.getByRole('button', { name, exact: true }).click())
const scrollHeight = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight)

interface MeasuredPage {
  path: string
  height: number
}

/** Walks a GP's whole survey of one questionnaire on a phone, answering by mouse, and measures every page on the way. */
async function walkOnPhone(questionnaire: string): Promise<MeasuredPage[]> {
  await seedProgramme(chromium.ls, [questionnaire])
  const [link] = await chromium.ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 1, role: 'gp' })
  const page = await chromium.newPage(PHONE)
  await page.goto(chromium.url + link!)
  await press(page, 'Start now')
  const measured: MeasuredPage[] = []
  let n = 0
  for (let pages = 0; isSectionPage(page); pages++) {
    if (pages === MAX_PAGES) throw new Error(`stuck on ${page.url()}`)
    measured.push({ path: pagePath(page), height: await scrollHeight(page) })
    await expectNoAxeViolations(page, `${questionnaire}: ${await heading(page)}`)
    n += (await answerPageByMouse(page, n)).length
    await press(page, 'Continue')
  }
  expect(pagePath(page)).toMatch(/\/check-answers$/)
  measured.push({ path: pagePath(page), height: await scrollHeight(page) })
  await expectNoAxeViolations(page, `${questionnaire}: check your answers`)
  await press(page, 'Send my answers')
  expect(await heading(page)).toBe('Thank you: your answers have been sent')
  return measured
}

chromium.describe('the survey on a phone', () => {
  it.each(['good-practice', 'normalisation'])(
    'a whole %s survey scrolls at most 60% of its height before the compact layout',
    async (questionnaire) => {
      const measured = await walkOnPhone(questionnaire)
      const total = measured.reduce((sum, p) => sum + p.height, 0)
      const before = BEFORE_COMPACT[questionnaire]!
      console.log(
        `${questionnaire} at 390 px: ${total} px over ${measured.length} pages (before the compact layout ${before} px, ${Math.round((100 * total) / before)}%)`,
      )
      console.log(measured.map((p) => `  ${p.path.replace(/^\/r\/[^/]+/, '')}: ${p.height}`).join('\n'))
      expect(total).toBeLessThanOrEqual(ALLOWED_SHARE * before)
    },
    120_000,
  )

  it('names the problem beside each question sent unanswered, with the summary linking to it, at 390 px', async () => {
    await seedProgramme(chromium.ls, ['context'])
    const [link] = await chromium.ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 1, role: 'gp' })
    const page = await chromium.newPage(PHONE)
    await page.goto(chromium.url + link!)
    await press(page, 'Start now')
    const first = (await readItems(page))[0]!
    await press(page, 'Continue')
    await expectNoAxeViolations(page, 'a section page with errors at 390 px')
    expect((await page.locator('.nhsuk-error-message').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '))).toEqual(['Error: Select an answer'])
    expect(await page.locator('.nhsuk-error-summary__list a').allInnerTexts()).toEqual([`Select an answer: ${first.question}`])
    await page.locator('.nhsuk-error-summary__list a').click()
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe(
      first.options[0]!.id,
    )
  })

  it('answers a section with the keyboard alone on a phone, the "not relevant" choices included', async () => {
    await seedProgramme(chromium.ls, ['good-practice'])
    const [link] = await chromium.ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 1, role: 'gp' })
    const page = await chromium.newPage(PHONE)
    await page.goto(chromium.url + link!)
    await tabTo(page, 'form button[type="submit"]')
    await pressToNavigate(page, 'Enter')
    expect(isSectionPage(page)).toBe(true)
    const first = pagePath(page)
    const items = await readItems(page)
    // n = 5 makes the first agree item's answer the sixth choice: the first "not relevant" one, past the agree answers.
    const answers = await answerPageByKeyboard(page, 5)
    for (const [i, item] of items.entries()) expect(await checkedValues(page, item.name), item.question).toEqual(answers[i]!.values)
    expect(answers[0]!.values[0]).toMatch(/^nr_/)
    await tabTo(page, 'button[value="continue"]')
    await pressToNavigate(page, 'Enter')
    expect(isSectionPage(page) && pagePath(page) !== first, `moved on from ${first} to ${page.url()}`).toBe(true)
  }, 120_000)
})
