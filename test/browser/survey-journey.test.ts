// The respondent's journey in a real browser: by keyboard alone in each setting, accessibility of every page, resuming elsewhere, without JavaScript, and under the CSP.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Setting } from '../../server/questionnaires/definition-schema.js'
import { itemsShownTo, sectionsShownTo } from '../../server/questionnaires/questionnaire-model.js'
import { english } from '../../server/i18n/translate.js'
import { ROLES, roleLabel as labelOf } from '../../server/survey/roles.js'
import { axeViolations, describeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { watchPage } from '../support/page-problems.js'
import { REAL_QUESTIONNAIRES, seedProgramme, testLinkscore } from '../support/test-linkscore.js'
import {
  answerGiven,
  answerPageByKeyboard,
  answerPageByMouse,
  chooseRadioByKeyboard,
  expectedCheckAnswers,
  heading,
  isSectionPage,
  navigatingBy,
  pagePath,
  pressToNavigate,
  readAboutYouRows,
  readCheckAnswers,
  readItems,
  resumeTokenOf,
  shownAnswer,
  tabTo,
  type AnsweredSection,
} from './journey-steps.js'

const QUESTIONNAIRES = ['context', 'normalisation', 'good-practice']
const WAVE_TITLE = 'Baseline survey'
const SENT = 'Thank you: your answers have been sent'
const MAX_PAGES = 20

const chromium = chromiumHarness({
  async linkscore() {
    const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    await seedProgramme(ls, QUESTIONNAIRES)
    return ls
  },
})

const roleIndex = (code: string) => ROLES.findIndex((role) => role.code === code)
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true })
const clickToNavigate = (page: Page, name: string, role: 'button' | 'link' = 'button') =>
  navigatingBy(page, () => page.getByRole(role, { name, exact: true }).click())

/** The ids of every item a setting is asked, in the order of the journey. */
function itemsAskedOf(setting: Setting): string[] {
  return QUESTIONNAIRES.flatMap((id) => itemsShownTo(chromium.ls.services.catalogue.get(id), setting).map((item) => item.id))
}

async function storedAnswers(token: string) {
  const response = (await chromium.ls.repos.responses.findByResumeToken(token))!
  return {
    response,
    answers: (await chromium.ls.repos.responses.answers(response.id)).map((a) => `${a.itemId}=${a.value}`).sort(),
  }
}

const givenAnswers = (sections: readonly AnsweredSection[]) => sections.flatMap((s) => s.answers.flatMap((a) => a.values.map((v) => `${a.itemId}=${v}`))).sort()

/** Answers every section page by mouse, from the current page to "Check your answers", running `onEachPage` first on each. */
async function answerSectionsByMouse(page: Page, onEachPage: (page: Page) => Promise<void> = async () => {}): Promise<AnsweredSection[]> {
  const sections: AnsweredSection[] = []
  let n = 0
  while (isSectionPage(page)) {
    if (sections.length === MAX_PAGES) throw new Error(`More than ${MAX_PAGES} section pages; stuck on ${page.url()}`)
    await onEachPage(page)
    const answers = await answerPageByMouse(page, n)
    n += answers.length
    sections.push({ path: pagePath(page), title: await heading(page), answers })
    await navigatingBy(page, () => continueButton(page).click())
  }
  return sections
}

chromium.describe('the respondent journey', () => {
  /** axe-core on the page as this setting sees it: each setting has its own items on some pages. */
  async function expectAccessible(page: Page, name: string): Promise<void> {
    const violations = await axeViolations(page)
    expect.soft(violations, `${name} (${page.url()}):\n${describeViolations(violations)}`).toEqual([])
  }

  describe('with the keyboard alone, with axe-core on every page', () => {
    const journeys = [
      { label: 'general practice, a GP choosing their role on "About you"', role: 'gp', setting: 'general_practice', via: 'invitation', presetRole: false },
      {
        label: 'a link worker invited with the role preset, who skips "About you"',
        role: 'link_worker',
        setting: 'link_worker',
        via: 'invitation',
        presetRole: true,
      },
      { label: 'the community sector, through the open practice link', role: 'community_org', setting: 'community', via: 'open link', presetRole: false },
    ] as const

    it.each(journeys)(
      'completes and sends the whole survey: $label',
      async ({ role, setting, via, presetRole }) => {
        const link =
          via === 'open link'
            ? '/p/P001/baseline'
            : (await chromium.ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 1, ...(presetRole ? { role } : {}) }))[0]!
        const page = await chromium.newPage()
        await page.goto(chromium.url + link)
        expect(await heading(page)).toBe(WAVE_TITLE)
        await tabTo(page, 'form button[type="submit"]')
        await pressToNavigate(page, 'Enter')
        const token = resumeTokenOf(page)

        if (presetRole) {
          expect(isSectionPage(page), `a preset role skips "About you", but the survey opened on ${page.url()}`).toBe(true)
        } else {
          expect(pagePath(page)).toBe(`/r/${token}/about-you`)
          const roleItem = (await readItems(page)).find((item) => item.name === 'role')!
          await chooseRadioByKeyboard(page, roleItem, roleIndex(role))
          await tabTo(page, 'form button[type="submit"]')
          await pressToNavigate(page, 'Enter')
        }

        const sections: AnsweredSection[] = []
        let n = 0
        while (isSectionPage(page)) {
          if (sections.length === MAX_PAGES) throw new Error(`More than ${MAX_PAGES} section pages; stuck on ${page.url()}`)
          const title = await heading(page)
          await expectAccessible(page, `${setting}: ${title}`)
          const answers = await answerPageByKeyboard(page, n)
          n += answers.length
          if (sections.length === 0) {
            // Change one's mind: Shift+Tab back to the first question and choose the next option with the arrow keys.
            const items = await readItems(page)
            const first = items.findIndex((item) => item.kind === 'radios')
            const item = items[first]!
            const chosen = item.options.findIndex((o) => o.value === answers[first]!.values[0])
            const instead = chosen + 1 < item.options.length ? chosen + 1 : chosen - 1
            await chooseRadioByKeyboard(page, item, instead, { backwards: true })
            answers[first] = answerGiven(item, [instead])
          }
          sections.push({ path: pagePath(page), title, answers })
          await tabTo(page, 'button[value="continue"]')
          await pressToNavigate(page, 'Enter')
        }

        expect(pagePath(page)).toBe(`/r/${token}/check-answers`)
        expect(await heading(page)).toBe('Check your answers before sending them')
        await expectAccessible(page, `${setting}: check your answers`)
        const roleLabel = labelOf(ROLES[roleIndex(role)]!, english)
        expect(await readAboutYouRows(page)).toEqual(presetRole ? [] : [{ question: 'Your role', answer: roleLabel }])
        const expected = expectedCheckAnswers(sections)
        expect(await readCheckAnswers(page)).toEqual(expected)
        expect(
          expected.flatMap((s) => s.rows.map((r) => r.answer)),
          'the journey gives some likert answers',
        ).toContain('Agree')

        await tabTo(page, 'form button[type="submit"]')
        await expect(page.locator(':focus').innerText()).resolves.toBe('Send my answers')
        await pressToNavigate(page, 'Space')
        expect(pagePath(page)).toBe(`/r/${token}/confirmation`)
        expect(await heading(page)).toBe(SENT)

        const stored = await storedAnswers(token)
        expect(stored.response).toMatchObject({ status: 'submitted', role, setting, source: via === 'open link' ? 'open_link' : 'invitation' })
        expect(
          sections.flatMap((s) => s.answers.map((a) => a.itemId)),
          'every question the setting is asked was answered',
        ).toEqual(itemsAskedOf(setting))
        expect(stored.answers).toHaveLength(givenAnswers(sections).length)
        expect(stored.answers).toEqual(givenAnswers(sections))
      },
      120_000,
    )
  })

  it('passes axe-core (WCAG 2.2 AA) on every page of the journey', async () => {
    const page = await chromium.newPage()
    const checked: string[] = []
    const expectAccessible = async (name: string) => {
      const violations = await axeViolations(page)
      expect.soft(violations, `${name} (${page.url()}):\n${describeViolations(violations)}`).toEqual([])
      checked.push(name)
    }
    await page.goto(`${chromium.url}/p/P001/baseline`)
    await expectAccessible('start page')
    await clickToNavigate(page, 'Start now')
    const token = resumeTokenOf(page)
    await expectAccessible('About you')
    await clickToNavigate(page, 'Continue')
    expect(await page.locator('.nhsuk-error-summary').isVisible()).toBe(true)
    await expectAccessible('About you with errors')
    await page.getByLabel('Steering group member not listed above').check()
    await expect(page.getByRole('group', { name: /closest to your work/ }).isVisible()).resolves.toBe(true)
    await expectAccessible('About you, steering-member setting question revealed')
    await page.getByLabel('GP', { exact: true }).check()
    await clickToNavigate(page, 'Continue')

    await clickToNavigate(page, 'Continue')
    expect(await page.locator('.nhsuk-error-summary').isVisible()).toBe(true)
    await expectAccessible('section page with errors')

    let pageNumber = 0
    await answerSectionsByMouse(page, async () => {
      pageNumber++
      await expectAccessible(`section page ${pageNumber}: ${await heading(page)}`)
      if (pageNumber === 2) {
        const stoppedOn = pagePath(page)
        await clickToNavigate(page, 'Save and come back later')
        expect(await heading(page)).toBe('Your answers have been saved')
        await expectAccessible('saved page')
        await clickToNavigate(page, 'Continue now')
        expect(pagePath(page), '"Continue now" returns to the page left').toBe(stoppedOn)
      }
    })
    expect(pageNumber, 'every section page a GP sees').toBe(
      QUESTIONNAIRES.flatMap((id) => sectionsShownTo(chromium.ls.services.catalogue.get(id), 'general_practice')).length,
    )
    await expectAccessible('check your answers')
    await clickToNavigate(page, 'Send my answers')
    expect(await heading(page)).toBe(SENT)
    await expectAccessible('confirmation')

    const again = await page.goto(`${chromium.url}/r/${token}/check-answers`)
    expect(again!.status()).toBe(409)
    await expectAccessible('409 already submitted')
    const missing = await page.goto(`${chromium.url}/r/not-a-token`)
    expect(missing!.status()).toBe(404)
    await expectAccessible('404 page not found')
    for (const path of ['/privacy', '/accessibility', '/']) {
      await page.goto(chromium.url + path)
      await expectAccessible(path)
    }
    expect(checked.filter((name) => !name.startsWith('section page '))).toEqual([
      'start page',
      'About you',
      'About you with errors',
      'About you, steering-member setting question revealed',
      'saved page',
      'check your answers',
      'confirmation',
      '409 already submitted',
      '404 page not found',
      '/privacy',
      '/accessibility',
      '/',
    ])
  }, 120_000)

  it('resumes in another browser from the link on the "saved" page, on the page left, with earlier answers kept', async () => {
    const [invitation] = await chromium.ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 1, role: 'gp' })
    const first = await chromium.newContext()
    const page = await first.newPage()
    await page.goto(chromium.url + invitation!)
    await clickToNavigate(page, 'Start now')
    const token = resumeTokenOf(page)
    const firstPage = pagePath(page)
    const firstItems = await readItems(page)
    const firstAnswers = await answerPageByMouse(page, 3)
    expect(firstAnswers.length).toBeGreaterThan(3)
    await navigatingBy(page, () => continueButton(page).click())

    const secondPage = pagePath(page)
    expect(secondPage).not.toBe(firstPage)
    const partly = (await readItems(page))[0]!
    await page.locator(`#${partly.options[3]!.id}`).check()
    await clickToNavigate(page, 'Save and come back later')
    expect(pagePath(page)).toBe(`/r/${token}/saved`)
    const resumeLink = (await page.locator('#resume-link').getAttribute('href'))!
    expect(resumeLink).toBe(`${chromium.ls.config.baseUrl}/r/${token}`)
    expect(await page.locator('#resume-link').innerText()).toBe(resumeLink)
    await first.close()

    const second = await chromium.newContext()
    const later = await second.newPage()
    expect(await second.cookies()).toEqual([])
    // The link names the configured base URL; this test's server listens elsewhere, so follow its path.
    await later.goto(chromium.url + new URL(resumeLink).pathname)
    expect(pagePath(later), 'resumes on the page where "Save and come back later" was pressed').toBe(secondPage)
    expect(await shownAnswer(later, partly)).toEqual([partly.options[3]!.value])

    await clickToNavigate(later, 'Back', 'link')
    expect(pagePath(later)).toBe(firstPage)
    for (const [i, item] of firstItems.entries()) {
      expect(await shownAnswer(later, item), `the answer to "${item.question}"`).toEqual(firstAnswers[i]!.values)
    }

    await navigatingBy(later, () => continueButton(later).click())
    expect(pagePath(later)).toBe(secondPage)
    const sections = await answerSectionsByMouse(later)
    await clickToNavigate(later, 'Send my answers')
    expect(await heading(later)).toBe(SENT)
    const stored = await storedAnswers(token)
    expect(stored.response).toMatchObject({ status: 'submitted', role: 'gp', setting: 'general_practice' })
    expect(stored.answers).toEqual(givenAnswers([{ path: firstPage, title: '', answers: firstAnswers }, ...sections]))
    const { n } = await chromium.ls.db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(n)).toBe(1)
  }, 120_000)

  it('works with JavaScript switched off, showing the setting question of "About you" from the start', async () => {
    const page = await chromium.newPage({ javaScriptEnabled: false })
    await page.goto(`${chromium.url}/p/P001/baseline`)
    await clickToNavigate(page, 'Start now')
    const token = resumeTokenOf(page)
    expect(pagePath(page)).toBe(`/r/${token}/about-you`)
    expect(await page.locator('body.nhsuk-frontend-supported').count(), 'no script has run').toBe(0)
    const settingQuestion = page.getByRole('group', { name: 'Which part of social prescribing is closest to your work?' })
    expect(await settingQuestion.isVisible()).toBe(true)
    expect(await page.getByLabel('Community sector').isVisible()).toBe(true)

    await page.getByLabel('Steering group member not listed above').check()
    await page.getByLabel('Community sector').check()
    await clickToNavigate(page, 'Continue')
    const sections = await answerSectionsByMouse(page)
    expect(pagePath(page)).toBe(`/r/${token}/check-answers`)
    expect(await readAboutYouRows(page)).toEqual([{ question: 'Your role', answer: 'Steering group member not listed above\nCommunity sector' }])
    expect(await readCheckAnswers(page)).toEqual(expectedCheckAnswers(sections))
    await clickToNavigate(page, 'Send my answers')
    expect(await heading(page)).toBe(SENT)

    const stored = await storedAnswers(token)
    expect(stored.response).toMatchObject({ status: 'submitted', role: 'steering_member', setting: 'community' })
    expect(stored.answers).toEqual(givenAnswers(sections))
    expect(sections.flatMap((s) => s.answers.map((a) => a.itemId))).toEqual(itemsAskedOf('community'))
  }, 120_000)

  it('keeps to its Content Security Policy: no violations, no script errors, every asset of our own loads', async () => {
    const page = await chromium.newPage()
    const { problems, assets } = watchPage(page, chromium.url)

    const start = await page.goto(`${chromium.url}/p/P001/baseline`)
    const csp = start!.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    await clickToNavigate(page, 'Start now')
    const settingQuestion = page.getByRole('group', { name: /closest to your work/ })
    expect(await page.locator('body.nhsuk-frontend-supported').count(), 'static/js/init.js ran').toBe(1)
    expect(await settingQuestion.isVisible(), 'the setting question waits for its role').toBe(false)
    await page.getByLabel('Steering group member not listed above').check()
    expect(await settingQuestion.isVisible()).toBe(true)
    await page.getByLabel('Link workers').check()
    await clickToNavigate(page, 'Continue')
    await answerSectionsByMouse(page)
    await clickToNavigate(page, 'Send my answers')
    expect(await heading(page)).toBe(SENT)
    expect(problems).toEqual([])
    for (const asset of ['/vendor/nhsuk/nhsuk-frontend.min.css', '/static/css/linkscore.css', '/static/js/init.js', '/vendor/nhsuk/nhsuk-frontend.min.js']) {
      expect([200, 304], `${asset} loaded`).toContain(assets.get(asset))
    }
  }, 120_000)
})
