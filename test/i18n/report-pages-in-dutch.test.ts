// The scorecard, the comparison and the exports page in Dutch: no English left beside the English pages of the same
// state, the questionnaires' own Dutch names for scales and bands, Dutch numbers, and the exports form's errors in Dutch.
import * as cheerio from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { englishLeft } from '../support/english-left.js'
import type { HttpClient } from '../support/http-client.js'
import { staffClient } from '../support/report-expectations.js'
import { REPORT_AT, REPORT_PRACTICES, seedReportFixture } from '../support/report-fixture.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
let english: HttpClient
let dutch: HttpClient

/** An action agreed for a baseline priority of N1: the steering group's own words, shown as written. */
const ACTION = { action: 'Put the service on the partners’ agenda', owner: 'Dr Shah', reviewOn: '2026-06-30' }

/** Names and codes of the fixture, the same in every language. */
const DATA = new Set([
  ACTION.action,
  ACTION.owner,
  'North PCN',
  'South PCN',
  'north',
  'Baseline survey',
  'Follow-up survey',
  'Year two survey',
  'South One',
  'linkscore export',
  ...REPORT_PRACTICES.flatMap((p) => [p.name, p.code, `(${p.code})`, ...(p.spModel ? [p.spModel] : [])]),
])

beforeAll(async () => {
  // The action's review date counts from the services' today.
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES, clock: { now: () => new Date(REPORT_AT) } })
  await seedReportFixture(ls)
  english = await staffClient(ls, ls.app, 'ada@example.org', 'admin')
  dutch = await staffClient(ls, ls.app, 'bea@example.org', 'admin')
  expect((await dutch.get('/language?to=nl&next=%2Fprogrammes%2Fnorth%2Fcompare')).location).toBe('/programmes/north/compare')
  // The baseline scorecard then shows it under its priority, and the follow-up scorecard beside the change since.
  const record = (await english.get('/programmes/north/practices/N1?wave=baseline')).$('.ls-action-links a').first().attr('href')!
  expect((await english.submit(record, ACTION)).status).toBe(303)
})
afterAll(() => ls.close())

/** Data, or a word the questionnaires' Dutch translations give as in English ("Construct", "Element"). */
const named = (text: string) => DATA.has(text) || sameInDutch().has(text)

function sameInDutch(): Set<string> {
  const levels = (id: string, language?: string) => ls.services.catalogue.get(id, language).scoring?.levels.map((l) => l.name) ?? []
  return new Set(['normalisation', 'good-practice'].flatMap((id) => levels(id, 'nl').filter((name) => levels(id).includes(name))))
}

/** The respondents' own words are data too: whatever the English page quotes under "In their own words". */
const quoted = (html: string) => {
  const $ = cheerio.load(html)
  return new Set(
    $('.ls-text-answers li')
      .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
      .get(),
  )
}

const PAGES = [
  '/programmes/north/practices/N1',
  '/programmes/north/practices/N1?wave=baseline',
  '/programmes/north/practices/N3',
  '/programmes/north/practices/N4?wave=year-two',
  '/programmes/south/practices/S1',
  '/programmes/north/compare',
  '/programmes/north/compare?setting=link_worker&rurality=urban',
  '/programmes/north/compare?deprivation=4',
  '/programmes/south/compare',
  '/programmes/north/exports',
  '/programmes/north/exports?wave=baseline&weighting=settings&include-partial=yes',
  '/programmes/south/exports',
  '/programmes/north/instrument-quality',
  '/programmes/north/instrument-quality?wave=baseline&setting=general_practice',
]

describe.each(PAGES)('%s in Dutch', (path) => {
  it('has no English left', async () => {
    const [en, nl] = [await english.get(path), await dutch.get(path)]
    expect([en.status, nl.status]).toEqual([200, 200])
    expect(nl.$('html').attr('lang')).toBe('nl')
    const words = quoted(en.$.html())
    const allowed = (text: string) => named(text) || words.has(text) || (text.endsWith(' – Linkscore') && named(text.slice(0, -' – Linkscore'.length)))
    expect(englishLeft(nl.$.html(), { sameAsEnglishPage: en.$.html(), allowed })).toEqual([])
  })
})

describe('the scorecard in Dutch', () => {
  it("names scales, levels and bands as the questionnaire's Dutch translation does, and writes decimals with a comma", async () => {
    const page = await dutch.get('/programmes/north/practices/N1')
    const section = page.$('section[aria-labelledby="normalisation-heading"]')
    expect(section.find('h2').first().text()).toBe('Normalisatie')
    const names = section
      .find('.ls-scale-table tbody th')
      .map((_, th) => page.$(th).text().trim())
      .get()
    const translation = ls.services.catalogue.get('normalisation', 'nl')
    // Plain Dutch words first, the theory's Dutch name after them: "Begrijpen waar het om gaat (coherentie)".
    const first = translation.scoring!.scales[0]!
    expect(names[0]).toBe(`${first.plainName} (${first.name.toLowerCase()})`)
    expect(names[0]).toBe('Begrijpen waar het om gaat (coherentie)')
    const bands = new Set(translation.scoring!.bands.map((b) => b.label))
    const shown = section
      .find('.ls-band-tag')
      .map((_, tag) => page.$(tag).text().trim())
      .get()
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.every((band) => bands.has(band))).toBe(true)
    const agreement = page.$('#details-normalisation tbody tr').first().find('td').eq(2).text().trim()
    expect(agreement).toMatch(/^−?\d,\d\d/)
    expect(page.$('.ls-report-wave').text()).toBe('Meting: Follow-up survey Verandering sinds Baseline survey.')
    expect(page.$('#earlier-actions-heading').text()).toBe('Acties afgesproken na Baseline survey')
    expect(page.$('#earlier-actions tbody td').eq(2).text()).toBe('30 juni 2026')
  })
})

describe('the exports form in Dutch', () => {
  it('words its errors in Dutch beside each field and in the summary', async () => {
    const page = await dutch.get('/programmes/north/exports?wave=nope&weighting=heavy&include-partial=no')
    expect(page.status).toBe(422)
    expect(page.errorSummary).toEqual([
      { text: 'North PCN heeft geen meting "nope": kies een van de metingen van dit programma', href: '#wave' },
      { text: 'Kies respondenten of settinggroepen voor het praktijkgemiddelde', href: '#weighting' },
      { text: 'Vink het vakje aan om onvoltooide responsen mee te nemen; laat het anders leeg', href: '#include-partial' },
    ])
    expect(page.$('#weighting-error').text().trim()).toBe('Fout: Kies respondenten of settinggroepen voor het praktijkgemiddelde')
    expect(englishLeft(page.$.html(), { allowed: (text) => DATA.has(text) })).toEqual([])
  })

  it('asks for a different wave to compare with, in Dutch', async () => {
    const page = await dutch.get('/programmes/north/exports/change.csv?from=baseline&to=baseline')
    expect(page.status).toBe(422)
    expect(page.errorSummary.map((e) => e.text)).toEqual(['Kies een andere meting om mee te vergelijken'])
  })
})
