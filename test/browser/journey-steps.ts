// Steps of the respondent journey for the browser tests: reading a survey page, answering it by keyboard or mouse, reading "Check your answers".
import type { Page } from 'playwright-core'

export interface PageItem {
  kind: 'radios' | 'checkboxes' | 'textarea'
  /** The item id, which is also the form field's name. */
  name: string
  question: string
  options: { id: string; value: string; label: string }[]
}

export interface GivenAnswer {
  itemId: string
  question: string
  /** Stored values, as the database keeps them. */
  values: string[]
  /** How the answer reads on "Check your answers": one entry a line. */
  lines: string[]
}

export interface AnsweredSection {
  path: string
  title: string
  answers: GivenAnswer[]
}

export interface CheckAnswersSection {
  title: string
  rows: { question: string; answer: string }[]
}

/** A text answer of two lines, to see line breaks kept on "Check your answers". */
export const TEXT_ANSWER = ['More protected time for the team.', 'A shared list of local groups.']

/** The items of a survey page, in the order they are shown. */
export function readItems(page: Page): Promise<PageItem[]> {
  return page.locator('form .nhsuk-form-group').evaluateAll((groups) =>
    groups.map((group) => {
      const textarea = group.querySelector('textarea')
      const legend = (group.querySelector('legend')?.textContent ?? '').trim()
      if (textarea) return { kind: 'textarea' as const, name: textarea.name as string, question: legend, options: [] }
      const inputs = [...group.querySelectorAll('input')] as { id: string; name: string; type: string; value: string; labels: { textContent: string }[] }[]
      return {
        kind: inputs[0]?.type === 'checkbox' ? ('checkboxes' as const) : ('radios' as const),
        name: inputs[0]?.name ?? '',
        question: legend,
        options: inputs.map((input) => ({ id: input.id, value: input.value, label: (input.labels[0]?.textContent ?? '').trim() })),
      }
    }),
  )
}

/** Which options to choose for the n-th item of a journey: varied, so that answers differ from page to page. */
export function choicesFor(item: PageItem, n: number): number[] {
  if (item.kind === 'checkboxes') return item.options.length > 2 ? [0, 2] : [0]
  return [n % item.options.length]
}

/** The answer that choosing these options (or typing TEXT_ANSWER) gives. */
export function answerGiven(item: PageItem, chosen: number[]): GivenAnswer {
  if (item.kind === 'textarea') return { itemId: item.name, question: item.question, values: [TEXT_ANSWER.join('\n')], lines: TEXT_ANSWER }
  const options = chosen.map((i) => item.options[i]!)
  return { itemId: item.name, question: item.question, values: options.map((o) => o.value), lines: options.map((o) => o.label) }
}

const focusedIs = (page: Page, selector: string) =>
  page
    .locator(`:is(${selector}):focus`)
    .count()
    .then((n) => n > 0)

/** Presses Tab (or Shift+Tab) until the focused element matches the selector; fails after a bounded number of presses. */
export async function tabTo(page: Page, selector: string, { backwards = false, maxPresses = 80 } = {}): Promise<void> {
  const key = backwards ? 'Shift+Tab' : 'Tab'
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press(key)
    if (await focusedIs(page, selector)) return
  }
  const focused = await page.locator(':focus').evaluateAll((els) => els.map((el) => (el.outerHTML as string).slice(0, 160)))
  throw new Error(`${maxPresses} presses of ${key} never reached ${selector} on ${page.url()}; focus is on ${focused[0] ?? 'nothing'}`)
}

/** Runs an action that makes the page navigate (or reload, as a form shown again with errors does), and waits for the new page. */
export async function navigatingBy(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()])
}

/** Presses a key on the focused control and waits for the page it leads to. */
export function pressToNavigate(page: Page, key: 'Enter' | 'Space'): Promise<void> {
  return navigatingBy(page, () => page.keyboard.press(key))
}

export async function checkedValues(page: Page, name: string): Promise<string[]> {
  return page.locator(`input[name="${name}"]:checked`).evaluateAll((inputs) => inputs.map((input) => input.value as string))
}

/**
 * Chooses option `index` of a radio group with the keyboard only: Tab into the group (focus lands on the checked
 * radio, or the first when none is), then Space for the first option or the arrow keys for the others.
 */
export async function chooseRadioByKeyboard(page: Page, item: PageItem, index: number, { backwards = false } = {}): Promise<void> {
  await tabTo(page, `input[name="${item.name}"]`, { backwards })
  const already = await checkedValues(page, item.name)
  const from = already.length ? item.options.findIndex((o) => o.value === already[0]) : 0
  if (!already.length && index === 0) await page.keyboard.press('Space')
  for (let i = from; i < index; i++) await page.keyboard.press('ArrowDown')
  for (let i = from; i > index; i--) await page.keyboard.press('ArrowUp')
  const now = await checkedValues(page, item.name)
  if (now[0] !== item.options[index]!.value) throw new Error(`The keyboard chose ${JSON.stringify(now)} for ${item.name}, not "${item.options[index]!.value}"`)
}

/** Answers every item of a survey page with the keyboard only. `n` numbers the items across the journey. */
export async function answerPageByKeyboard(page: Page, n = 0): Promise<GivenAnswer[]> {
  const answers: GivenAnswer[] = []
  for (const item of await readItems(page)) {
    const chosen = choicesFor(item, n++)
    if (item.kind === 'radios') {
      await chooseRadioByKeyboard(page, item, chosen[0]!)
    } else if (item.kind === 'checkboxes') {
      for (const i of chosen) {
        await tabTo(page, `#${item.options[i]!.id}`)
        await page.keyboard.press('Space')
      }
      const now = await checkedValues(page, item.name)
      if (now.join() !== chosen.map((i) => item.options[i]!.value).join()) throw new Error(`The keyboard ticked ${JSON.stringify(now)} for ${item.name}`)
    } else {
      await tabTo(page, `textarea[name="${item.name}"]`)
      await page.keyboard.type(TEXT_ANSWER[0]!)
      await page.keyboard.press('Enter')
      await page.keyboard.type(TEXT_ANSWER[1]!)
    }
    answers.push(answerGiven(item, chosen))
  }
  return answers
}

/** Answers every item of a survey page with the mouse (Playwright's check and fill). */
export async function answerPageByMouse(page: Page, n = 0): Promise<GivenAnswer[]> {
  const answers: GivenAnswer[] = []
  for (const item of await readItems(page)) {
    const chosen = choicesFor(item, n++)
    if (item.kind === 'textarea') await page.locator(`textarea[name="${item.name}"]`).fill(TEXT_ANSWER.join('\n'))
    else for (const i of chosen) await page.locator(`#${item.options[i]!.id}`).check()
    answers.push(answerGiven(item, chosen))
  }
  return answers
}

/** What a page shows as the answer to an item: the checked values, or the text typed. */
export async function shownAnswer(page: Page, item: PageItem): Promise<string[]> {
  if (item.kind !== 'textarea') return checkedValues(page, item.name)
  const text = await page.locator(`textarea[name="${item.name}"]`).inputValue()
  return text ? [text] : []
}

export const pagePath = (page: Page) => new URL(page.url()).pathname

/** Section pages are /r/<token>/<questionnaire>/<section>; the other journey pages have one segment after the token. */
export const isSectionPage = (page: Page) => /^\/r\/[^/]+\/[^/]+\/[^/]+$/.test(pagePath(page))

/** The resume token in a journey URL (/r/<token>/…). */
export const resumeTokenOf = (page: Page) => pagePath(page).split('/')[2]!

export const heading = (page: Page) => page.locator('h1').innerText()

/** The sections of "Check your answers", each with its questions and answers as they read once its answers are shown. */
export async function readCheckAnswers(page: Page): Promise<CheckAnswersSection[]> {
  for (const details of await page.locator('.ls-check-section details').all()) {
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click()
  }
  return page.locator('.ls-check-section').evaluateAll((sections) =>
    sections.map((section) => {
      const h2 = section.querySelector('h2')
      const title = [...h2.childNodes]
        .filter((node) => node.nodeType === 3)
        .map((node) => node.textContent as string)
        .join('')
        .trim()
      const rows = [...section.querySelectorAll('.nhsuk-summary-list__row')].map((row) => ({
        question: (row.querySelector('dt').textContent as string).trim(),
        answer: (row.querySelector('dd').innerText as string).trim(),
      }))
      return { title, rows }
    }),
  )
}

/** What "Check your answers" should show for the sections answered. */
export function expectedCheckAnswers(sections: readonly AnsweredSection[]): CheckAnswersSection[] {
  return sections.map((s) => ({ title: s.title, rows: s.answers.map((a) => ({ question: a.question, answer: a.lines.join('\n') })) }))
}

/** The "About you" rows of "Check your answers". */
export function readAboutYouRows(page: Page): Promise<{ question: string; answer: string }[]> {
  return page.locator('h2:text-is("About you") + .nhsuk-summary-list .nhsuk-summary-list__row').evaluateAll((rows) =>
    rows.map((row) => ({
      question: (row.querySelector('dt').textContent as string).trim(),
      answer: (row.querySelector('.nhsuk-summary-list__value').innerText as string).trim(),
    })),
  )
}
