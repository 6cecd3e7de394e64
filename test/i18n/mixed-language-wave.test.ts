// A wave answered half in English and half in Dutch scores and exports exactly as the same answers all in English:
// item ids and stored codes never depend on the language. Each respondent walks the real journey over HTTP, the
// Dutch ones from `?lang=nl`, choosing the same answers by the codes behind the words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import type { Clock } from '../../server/clock.js'
import { httpClient, type HttpClient, type Page } from '../support/http-client.js'
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

/** A small number from a text, the same in every run and language. */
function pick(text: string, n: number): number {
  let hash = 7
  for (const c of text) hash = (hash * 31 + c.charCodeAt(0)) % 1_000_003
  return hash % n
}

/** The answers respondent `r` gives on a page, chosen by field name and stored code, never by the words shown. */
function answersOn(page: Page, r: number): Record<string, string | string[]> {
  const { $ } = page
  const form = $('main form[method=post]').last()
  const fields: Record<string, string | string[]> = {}
  const radios = new Map<string, string[]>()
  const boxes = new Map<string, string[]>()
  form.find('input').each((_, element) => {
    const input = $(element)
    const name = input.attr('name')!
    const value = input.attr('value') ?? ''
    const type = input.attr('type') ?? 'text'
    if (name === '_csrf') return
    if (type === 'radio') radios.set(name, [...(radios.get(name) ?? []), value])
    else if (type === 'checkbox') boxes.set(name, [...(boxes.get(name) ?? []), value])
    else if (type === 'hidden') fields[name] = value
    else if (type === 'number') fields[name] = String(pick(`${r}${name}`, 10))
    else fields[name] = `Answer ${r} to ${name}`
  })
  form.find('textarea').each((_, element) => {
    fields[$(element).attr('name')!] = `Comment ${r} on ${$(element).attr('name')}`
  })
  for (const [name, values] of radios) fields[name] = values[pick(`${r}${name}`, values.length)]!
  for (const [name, values] of boxes) fields[name] = values.filter((v) => pick(`${r}${name}${v}`, 3) === 0)
  return fields
}

/** Starts respondent `r` at a practice's open link, in Dutch when asked, and answers every page to the end. */
async function respond(ls: TestLinkscore, r: number, language: 'en-GB' | 'nl'): Promise<void> {
  const client = httpClient(ls.app)
  const start = await client.get(`/p/${PRACTICES[r % PRACTICES.length]}/baseline${language === 'nl' ? '?lang=nl' : ''}`)
  expect(start.$('html').attr('lang')).toBe(language)
  let next = (await client.post(start.$('main form[method=post]').attr('action')!, {}, start.csrf)).location
  for (let pages = 0; next && !next.endsWith('/confirmation'); pages++) {
    if (pages > 40) throw new Error('the journey did not end')
    const page = await client.follow(next)
    next = page.url
    expect(page.status, next).toBe(200)
    expect(page.$('html').attr('lang'), next).toBe(language)
    const sent = await client.post(next, next.endsWith('/check-answers') ? {} : answersOn(page, r), page.csrf)
    expect(sent.status, `${next}: ${sent.errorSummary.map((e) => e.text).join('; ')}`).toBe(303)
    next = sent.location
  }
  expect(next).toMatch(/\/confirmation$/)
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
})
