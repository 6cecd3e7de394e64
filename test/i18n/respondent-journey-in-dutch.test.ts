// The whole respondent journey in Dutch, through the real questionnaires: every page, from the start page to the
// confirmation, has no English left beside the English page of the same step, and says it is Dutch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { englishLeft } from '../support/english-left.js'
import { httpClient } from '../support/http-client.js'
import { walkJourney, type JourneyStep } from '../support/journey-walker.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
const steps = new Map<string, { en?: JourneyStep; nl?: JourneyStep }>()

/** The fixture's names and what the respondent typed: the same in both languages. */
const allowed = (text: string) => /^(Dual-language PCN|Practice P1|Nulmeting|Baseline)$/.test(text) || /^(Answer|Comment) \d+ (to|on) \w+$/.test(text)

async function walk(language: 'en-GB' | 'nl', respondent: number) {
  const client = httpClient(ls.app)
  const start = await client.get(`/p/P1/baseline?lang=${language}`)
  const record = async (step: JourneyStep) => {
    const key = `${respondent} ${step.step}`
    steps.set(key, { ...steps.get(key), [language === 'nl' ? 'nl' : 'en']: step })
  }
  await record({ step: '/start', page: start })
  await walkJourney(client, start, respondent, record)
}

/** A respondent who sends the first questions empty (the errors), then saves to come back later (the saved page). */
async function saveForLater(language: 'en-GB' | 'nl') {
  const client = httpClient(ls.app)
  const start = await client.get(`/p/P1/baseline?lang=${language}`)
  const record = (step: string, page: JourneyStep['page']) => steps.set(step, { ...steps.get(step), [language === 'nl' ? 'nl' : 'en']: { step, page } })
  const aboutYou = (await client.follow((await client.post(start.$('main form[method=post]').attr('action')!, {}, start.csrf)).location!)).url
  const refused = await client.submit(aboutYou, {})
  expect(refused.status).toBe(422)
  record('about-you refused', refused)
  const first = await client.follow((await client.submit(aboutYou, { role: 'gp' })).location!)
  const empty = await client.post(first.url, { action: 'continue' }, first.csrf)
  expect(empty.status).toBe(422)
  record('section refused', empty)
  const later = await client.post(first.url, { action: 'save-later' }, first.csrf)
  expect(later.status, later.errorSummary.map((e) => e.text).join()).toBe(303)
  const saved = await client.follow(later.location!)
  expect(saved.url).toMatch(/\/saved$/)
  record('saved', saved)
}

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  const admin = ls.services.admin
  const programme = await admin.addProgramme({ slug: 'dual', name: 'Dual-language PCN' })
  await ls.repos.programmes.update(programme.id, { ...programme, languages: ['en-GB', 'nl'], interventionNames: { nl: 'welzijn op recept' } })
  await admin.addPractice({ programme: 'dual', code: 'P1', name: 'Practice P1' })
  await admin.addWave({ programme: 'dual', slug: 'baseline', title: 'Baseline', questionnaires: ['context', 'normalisation', 'good-practice'], open: true })
  // Respondents 0, 1 and 2 take different roles, so the pages of every setting are seen.
  for (const respondent of [0, 1, 2]) {
    await walk('en-GB', respondent)
    await walk('nl', respondent)
  }
  await saveForLater('en-GB')
  await saveForLater('nl')
}, 120_000)
afterAll(() => ls.close())

describe('the respondent journey in Dutch', () => {
  it('went through the same pages in both languages', () => {
    expect(steps.size).toBeGreaterThan(10)
    for (const [key, { en, nl }] of steps) expect([key, Boolean(en), Boolean(nl)]).toEqual([key, true, true])
  })

  it('has no English left on any page, and <html lang="nl">', () => {
    const left = [...steps].flatMap(([key, { en, nl }]) => {
      if (nl?.page.$('html').attr('lang') !== 'nl') return [`${key}: html lang ${nl?.page.$('html').attr('lang')}`]
      return englishLeft(nl.page.$.html(), { sameAsEnglishPage: en?.page.$.html(), allowed }).map((e) => `${key}: ${e.text} (${e.why})`)
    })
    expect(left).toEqual([])
  })

  it('speaks of the intervention by its Dutch name', () => {
    const start = steps.get('0 /start')!.nl!.page
    expect(start.$('main').text()).toContain('welzijn op recept')
    expect(start.$('main').text()).not.toContain('social prescribing')
  })
})
