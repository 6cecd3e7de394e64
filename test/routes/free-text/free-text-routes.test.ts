// Free text with care: the scorecard shows every free-text question of the wave (the context questionnaire's too), and
// an evaluator can hide an answer that names someone before the steering group reads it, audited, and show it again.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { seedDemo } from '../../../server/demo/seed-demo.js'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { addStaff, signIn } from '../../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let evaluator: HttpClient
let steering: HttpClient
const SCORECARD = '/programmes/demo/practices/DEMO01?wave=six-months'
const REVIEW = '/programmes/demo/practices/DEMO01/free-text?wave=six-months'

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedDemo(ls.repos, ls.services)
  evaluator = httpClient(ls.app)
  await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['demo'] }))
  steering = httpClient(ls.app)
  await signIn(steering, 'sam@example.org', await addStaff(ls, 'sam@example.org', 'steering', { practices: ['DEMO01'] }))
})
afterAll(() => ls.close())

const questions = (page: Page) =>
  page
    .$('.ls-free-text h3')
    .map((_, h) => page.$(h).text().trim())
    .get()
const answersOnScorecard = (page: Page) =>
  page
    .$('.ls-text-answers li')
    .map((_, li) => page.$(li).text())
    .get()

it('shows every free-text question of the wave, the context questionnaire’s “change one thing” among them', async () => {
  const page = await steering.get(SCORECARD)
  expect(questions(page)).toContain('If you could change one thing about social prescribing here, what would it be?')
  expect(page.$('.ls-free-text .ls-note').text()).toContain('They are shown only for a practice with at least 3 responses')
  // A steering member gets no review link, and no review page.
  expect(page.$(`a[href="${REVIEW}"]`)).toHaveLength(0)
  expect((await steering.get(REVIEW)).status).toBe(404)
})

it('lets an evaluator hide an answer from the scorecard, audited without its words, and show it again', async () => {
  const scorecard = await evaluator.get(SCORECARD)
  expect(scorecard.$(`a[href="${REVIEW}"]`).text()).toBe('Review these answers before the steering group reads them')
  const review = await evaluator.get(REVIEW)
  expect(review.heading).toBe('Review the answers in their own words')
  const first = review.$('.ls-review-answer').first()
  const text = first.find('p').first().text()
  const form = first.find('form')
  const fields = Object.fromEntries(
    form
      .find('input[type=hidden]:not([name=_csrf])')
      .map((_, i) => [[review.$(i).attr('name')!, review.$(i).attr('value')!]])
      .get() as [string, string][],
  )
  const before = answersOnScorecard(await steering.get(SCORECARD)).filter((a) => a === text).length
  expect(before).toBeGreaterThan(0)

  const hidden = await evaluator.post(form.attr('action')!, fields, review.csrf)
  expect([hidden.status, hidden.location]).toEqual([303, REVIEW])
  const after = await steering.get(SCORECARD)
  expect(answersOnScorecard(after).filter((a) => a === text)).toHaveLength(before - 1)
  expect(after.$('.ls-free-text').text()).toContain('1 answer hidden by the evaluator.')
  const reviewed = await evaluator.get(REVIEW)
  expect(reviewed.$('.ls-review-answer--hidden')).toHaveLength(1)
  expect(reviewed.$('.ls-review-answer--hidden').text()).toContain('Hidden from the scorecard')

  const entries = (await ls.services.auditLog.page(1)).entries.filter((e) => e.action === 'free text hidden')
  expect(entries).toHaveLength(1)
  expect(entries[0]!.actorEmail).toBe('eva@example.org')
  expect(entries[0]!.detail).not.toContain(text)
  expect(JSON.parse(entries[0]!.detail!)).toMatchObject({ programme: 'demo', practice: 'DEMO01', wave: 'six-months' })

  // The evaluators' export keeps every answer.
  expect((await evaluator.download('/programmes/demo/exports/answers.csv?wave=six-months')).text).toContain(text)

  const shown = await evaluator.post(`${form.attr('action')!.replace(/hide$/, 'show')}`, fields, reviewed.csrf)
  expect(shown.status).toBe(303)
  expect(answersOnScorecard(await steering.get(SCORECARD)).filter((a) => a === text)).toHaveLength(before)
  expect((await ls.services.auditLog.page(1)).entries.filter((e) => e.action === 'free text shown')).toHaveLength(1)
})

it('refuses a form naming an answer of another practice, or of none, as a page that does not exist', async () => {
  const hidings = async () => (await ls.services.auditLog.page(1)).entries.filter((e) => e.action === 'free text hidden').length
  const before = await hidings()
  const review = await evaluator.get('/programmes/demo/practices/DEMO02/free-text?wave=six-months')
  const form = review.$('.ls-review-answer form').first()
  const fields = Object.fromEntries(
    form
      .find('input[type=hidden]:not([name=_csrf])')
      .map((_, i) => [[review.$(i).attr('name')!, review.$(i).attr('value')!]])
      .get() as [string, string][],
  )
  const forged = await evaluator.post('/programmes/demo/practices/DEMO01/free-text/hide', fields, review.csrf)
  expect(forged.status).toBe(404)
  const nonsense = await evaluator.post('/programmes/demo/practices/DEMO01/free-text/hide', { ...fields, response: 'x' }, review.csrf)
  expect(nonsense.status).toBe(404)
  expect(await hidings()).toBe(before)
  expect(answersOnScorecard(await steering.get(SCORECARD)).length).toBeGreaterThan(0)
})
