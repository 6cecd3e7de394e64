// A wave answered half in English and half in Dutch scores and exports exactly as the same answers all in English:
// item ids and stored codes never depend on the language. Each respondent walks the real journey over HTTP, the
// Dutch ones from `?lang=nl`, choosing the same answers by the codes behind the words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import type { Clock } from '../../server/clock.js'
import { httpClient, type HttpClient } from '../support/http-client.js'
import { walkJourney } from '../support/journey-walker.js'
import { addStaff, signIn } from '../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const clock: Clock = { now: () => new Date('2026-05-04T10:00:00.000Z') }
const RESPONDENTS = 12
const PRACTICES = ['P1', 'P2']

interface Study {
  ls: TestLinkscore
  staff: HttpClient
}

async function study(): Promise<Study> {
  const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES, clock })
  const admin = ls.services.admin
  const programme = await admin.addProgramme({ slug: 'dual', name: 'Dual-language PCN' })
  await ls.repos.programmes.update(programme.id, { ...programme, languages: ['en-GB', 'nl'], interventionNames: { nl: 'welzijn op recept' } })
  for (const code of PRACTICES) await admin.addPractice({ programme: 'dual', code, name: `Practice ${code}` })
  await admin.addWave({ programme: 'dual', slug: 'baseline', title: 'Baseline', questionnaires: ['context', 'normalisation', 'good-practice'], open: true })
  const staff = httpClient(ls.app)
  await signIn(staff, 'ada@example.org', await addStaff(ls, 'ada@example.org', 'admin'))
  return { ls, staff }
}

/** Starts respondent `r` at a practice's open link, in Dutch when asked, and answers every page to the end. */
async function respond(ls: TestLinkscore, r: number, language: 'en-GB' | 'nl'): Promise<void> {
  const client = httpClient(ls.app)
  const start = await client.get(`/p/${PRACTICES[r % PRACTICES.length]}/baseline${language === 'nl' ? '?lang=nl' : ''}`)
  expect(start.$('html').attr('lang')).toBe(language)
  await walkJourney(client, start, r, async ({ step, page }) => expect(page.$('html').attr('lang'), step).toBe(language))
}

const EXPORTS = ['answers.csv?wave=baseline', 'responses.csv?wave=baseline', 'scores.csv?wave=baseline', 'scale-stats.csv?wave=baseline']
const download = async (s: Study, file: string) => {
  const got = await s.staff.download(`/programmes/dual/exports/${file}`)
  expect(got.status, file).toBe(200)
  return parse(got.text, { columns: true }) as Record<string, string>[]
}
const withoutLanguage = (rows: Record<string, string>[]) => rows.map(({ language: _, ...rest }) => rest)

let english: Study
let mixed: Study
beforeAll(async () => {
  ;[english, mixed] = [await study(), await study()]
  for (let r = 0; r < RESPONDENTS; r++) {
    await respond(english.ls, r, 'en-GB')
    await respond(mixed.ls, r, r % 2 ? 'nl' : 'en-GB')
  }
}, 120_000)
afterAll(async () => {
  await english?.ls.close()
  await mixed?.ls.close()
})

describe('a wave answered half in English and half in Dutch', () => {
  it('has scores for every practice', async () => {
    const scores = await download(mixed, 'scores.csv?wave=baseline')
    expect(new Set(scores.map((s) => s.practice_code))).toEqual(new Set(PRACTICES))
    expect(scores.filter((s) => s.score !== '').length).toBeGreaterThan(20)
  })

  it.each(EXPORTS)('gives the same %s as the same answers all in English, but for the language', async (file) => {
    const [all, half] = [await download(english, file), await download(mixed, file)]
    expect(half.length).toBeGreaterThan(0)
    expect(withoutLanguage(half)).toEqual(withoutLanguage(all))
  })

  it("shows each response's language in the answers and responses exports", async () => {
    const responses = await download(mixed, 'responses.csv?wave=baseline')
    expect(responses.map((r) => r.language)).toEqual(Array.from({ length: RESPONDENTS }, (_, r) => (r % 2 ? 'nl' : 'en-GB')))
    const answers = await download(mixed, 'answers.csv?wave=baseline')
    const byResponse = new Map(responses.map((r) => [r.response_id, r.language]))
    expect(answers.every((a) => a.language === byResponse.get(a.response_id))).toBe(true)
    expect(new Set((await download(english, 'answers.csv?wave=baseline')).map((a) => a.language))).toEqual(new Set(['en-GB']))
  })

  it("marks each free-text answer on a scorecard with its response's language where the page speaks another", async () => {
    // P1's respondents answered in English, P2's in Dutch.
    const comments = async (practice: string, lang: string) => {
      const path = `/programmes/dual/practices/${practice}`
      const page = await mixed.staff.follow(`/language?to=${lang}&next=${encodeURIComponent(path)}`)
      expect(page.$('html').attr('lang')).toBe(lang)
      return page
        .$('main li')
        .filter((_, li) => page.$(li).text().startsWith('Comment '))
        .map((_, li) => page.$(li).attr('lang') ?? 'unmarked')
        .get()
    }
    const [p1InEnglish, p2InEnglish] = [await comments('P1', 'en-GB'), await comments('P2', 'en-GB')]
    expect(p1InEnglish.length).toBeGreaterThan(5)
    expect(new Set(p1InEnglish)).toEqual(new Set(['unmarked']))
    expect(new Set(p2InEnglish)).toEqual(new Set(['nl']))
    expect(new Set(await comments('P1', 'nl'))).toEqual(new Set(['en-GB']))
    expect(new Set(await comments('P2', 'nl'))).toEqual(new Set(['unmarked']))
  })
})
