// The programme pages in Dutch: no English left beside the English pages of the same state, and the languages a
// programme offers chosen on its form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { englishLeft } from '../support/english-left.js'
import { httpClient, type HttpClient } from '../support/http-client.js'
import { addStaff, signIn } from '../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
let english: HttpClient
let dutch: HttpClient

/** Names and codes of the fixture, the same in every language. */
const DATA = new Set(['North PCN', 'north', 'Baseline', 'social prescribing', 'ada@example.org', 'English', 'Nederlands'])
const allowed = (text: string) => DATA.has(text)

beforeAll(async () => {
  ls = await testLinkscore()
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  const password = await addStaff(ls, 'ada@example.org', 'admin')
  english = httpClient(ls.app)
  dutch = httpClient(ls.app)
  await signIn(english, 'ada@example.org', password)
  await signIn(dutch, 'ada@example.org', password)
  expect((await dutch.get('/language?to=nl&next=%2Fprogrammes')).location).toBe('/programmes')
})
afterAll(() => ls.close())

const PAGES = ['/programmes', '/programmes/new', '/programmes/north/edit', '/programmes/north/archive']

describe.each(PAGES)('%s in Dutch', (path) => {
  it('has no English left', async () => {
    const [en, nl] = [await english.get(path), await dutch.get(path)]
    expect([en.status, nl.status]).toEqual([200, 200])
    expect(nl.$('html').attr('lang')).toBe('nl')
    expect(englishLeft(nl.$.html(), { sameAsEnglishPage: en.$.html(), allowed })).toEqual([])
  })
})

describe('the programme form in Dutch', () => {
  it('words its errors in Dutch beside each field', async () => {
    const form = await dutch.get('/programmes/new')
    expect(form.heading).toBe('Een programma toevoegen')
    const sent = await dutch.post(
      '/programmes',
      { slug: 'Bad Slug', name: '', intervention: 'x', minPracticeN: '0', minBreakdownN: '5', languages: [''] },
      form.csrf,
    )
    expect(sent.status).toBe(422)
    expect(sent.errorSummary.map((e) => e.text)).toEqual([
      'Gebruik kleine letters, cijfers en koppeltekens voor de korte naam, zoals noord-eerstelijn',
      'Vul een naam in',
      'De kleinste praktijkgroep moet 1 of meer zijn',
      'Kies ten minste een van de talen waarin respondenten kunnen antwoorden',
    ])
    expect(sent.$('#name-error').text().trim()).toBe('Fout: Vul een naam in')
    expect(englishLeft(sent.$.html(), { allowed })).toEqual([])
  })
})

describe('the languages a programme offers', () => {
  it('are chosen on its form, with the default first and the intervention named in the others', async () => {
    const form = await english.get('/programmes/north/edit')
    expect(
      form
        .$('input[name=languages][type=checkbox]:checked')
        .map((_, e) => form.$(e).attr('value'))
        .get(),
    ).toEqual(['en-GB'])
    expect(form.$('label[for=intervention-nl]').text().trim()).toBe('What the intervention is called in Nederlands')
    const fields = {
      name: 'North PCN',
      intervention: 'social prescribing',
      minPracticeN: '3',
      minBreakdownN: '5',
      languages: ['', 'en-GB', 'nl'],
      defaultLanguage: 'nl',
    }
    const missing = await english.post('/programmes/north/edit', fields, form.csrf)
    expect(missing.errorSummary).toEqual([{ text: 'Enter what the intervention is called in English', href: '#intervention-en-GB' }])
    expect(missing.$('#intervention-en-GB').length).toBe(1)
    const saved = await english.post(
      '/programmes/north/edit',
      { ...fields, intervention: 'welzijn op recept', 'intervention-en-GB': 'social prescribing' },
      form.csrf,
    )
    expect(saved.status).toBe(303)
    expect(await ls.repos.programmes.findBySlug('north')).toMatchObject({
      intervention: 'welzijn op recept',
      languages: ['nl', 'en-GB'],
      interventionNames: { 'en-GB': 'social prescribing' },
    })
    expect((await english.get('/programmes')).$('.ls-programme p').first().text()).toContain('respondents answer in Nederlands and English')
  })

  it('need at least one ticked, and a default among them', async () => {
    const form = await english.get('/programmes/north/edit')
    const fields = { name: 'North PCN', intervention: 'social prescribing', minPracticeN: '3', minBreakdownN: '5' }
    const none = await english.post('/programmes/north/edit', { ...fields, languages: [''], defaultLanguage: 'en-GB' }, form.csrf)
    expect(none.errorSummary.map((e) => e.text)).toEqual(['Choose at least one of the languages respondents can answer in'])
    const outside = await english.post('/programmes/north/edit', { ...fields, languages: ['', 'en-GB'], defaultLanguage: 'nl' }, form.csrf)
    expect(outside.errorSummary.map((e) => e.text)).toEqual(['The default language must be one of the languages offered'])
  })
})
