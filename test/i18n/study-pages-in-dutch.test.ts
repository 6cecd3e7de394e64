// The practices, waves and exclusions pages in Dutch: no English left beside the English pages of the same state, and
// each form's errors worded in Dutch, the services' refusals and the CSV import's row reasons among them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../server/clock.js'
import { englishLeft } from '../support/english-left.js'
import { httpClient, type HttpClient } from '../support/http-client.js'
import { addStaff, signIn } from '../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const NOW = '2026-03-09T09:00:00.000Z'
const clock: Clock = { now: () => new Date(NOW) }
const HEADER = 'code,name,list_size,deprivation_quintile,rurality,sp_model'
const CSV = `${HEADER}\nN1,Riverside Surgery,9000,2,rural,Link workers\nN3,Brook Lane,,,,\nN4,Bad Row,lots,9,,\n`

let ls: TestLinkscore
let english: HttpClient
let dutch: HttpClient

/** Names and codes of the fixture, the same in every language. */
const DATA = new Set([
  'North PCN',
  'north',
  'South PCN',
  'South One',
  '(S1)',
  'Riverside Surgery',
  'Hill Practice',
  'Brook Lane',
  'Bad Row',
  '(N1)',
  '(N2)',
  '(N3)',
  '(N4)',
  'Baseline',
  'Spring',
  'Autumn',
  'Link workers',
  'Riverside Surgery (N1)',
  'Hill Practice (N2)',
  'Made-up answers',
  'ada@example.org',
  'practices.csv',
  'North PCN: practices.csv',
  'English',
  'Nederlands',
  // Machine names: the CSV file's columns and the exports' column that marks a response set aside.
  HEADER,
  'excluded',
])
/** A name, or names joined as the pages join them: "Spring: Riverside Surgery (N1)", "Hill Practice (N2), Spring". */
const allowed = (text: string) =>
  text
    .replace(/^: /, '')
    .split(/: |, /)
    .every((part) => DATA.has(part))

async function response(practiceCode: string, waveSlug: string, at: string, { submitted = false, answered = false } = {}) {
  const programme = (await ls.repos.programmes.findBySlug('north'))!
  const wave = (await ls.repos.waves.findBySlug(programme.id, waveSlug))!
  const practice = (await ls.repos.practices.findByCode(practiceCode))!
  const r = await ls.repos.responses.create({
    invitationId: null,
    practiceId: practice.id,
    waveId: wave.id,
    resumeToken: `t-${practiceCode}-${waveSlug}-${at}`,
    source: 'open_link',
    role: 'gp',
    setting: 'general_practice',
    at,
  })
  if (answered) {
    const questionnaire = ls.services.catalogue.get('normalisation')
    const itemId = questionnaire.sections[0]!.items[0]!.id
    await ls.repos.responses.savePage({
      responseId: r.id,
      pageKey: 'normalisation/x',
      questionnaireId: 'normalisation',
      questionnaireVersion: questionnaire.version,
      itemIds: [itemId],
      answers: [{ itemId, value: '4' }],
      complete: true,
      at,
    })
  }
  if (submitted || answered) await ls.repos.responses.submit(r.id, at)
}

/** Sets aside the open-link starts of Riverside Surgery in Spring within the hour from `from` (UK time), through the page. */
async function setAside(from: string, to: string) {
  const form = await english.get('/programmes/north/exclusions')
  const fields = { wave: 'spring', practice: 'N1', from, to, source: 'open-link', reason: 'Made-up answers', confirm: 'yes' }
  expect((await english.post('/programmes/north/exclusions', fields, form.csrf)).status).toBe(303)
}

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES, clock })
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addPractice({
    programme: 'north',
    code: 'N1',
    name: 'Riverside Surgery',
    listSize: 8400,
    deprivationQuintile: 2,
    rurality: 'urban',
    spModel: 'Link workers',
  })
  await admin.addPractice({ programme: 'north', code: 'N2', name: 'Hill Practice' })
  const baseline = { questionnaires: ['context', 'normalisation'], opensOn: '2026-01-05', closesOn: '2026-02-27' }
  await admin.addWave({ programme: 'north', slug: 'baseline', title: 'Baseline', ...baseline })
  await admin.addWave({
    programme: 'north',
    slug: 'spring',
    title: 'Spring',
    questionnaires: ['normalisation'],
    opensOn: '2026-03-02',
    closesOn: '2026-04-24',
    open: true,
  })
  await admin.addWave({ programme: 'north', slug: 'autumn', title: 'Autumn', questionnaires: ['normalisation'], opensOn: '2026-09-07', closesOn: '2026-10-30' })
  await admin.createInvitations({ wave: 'spring', practice: 'N1', count: 3 })
  const programme = (await ls.repos.programmes.findBySlug('north'))!
  const n1 = (await ls.repos.practices.findByCode('N1'))!
  await ls.repos.practices.setStage(n1.id, (await ls.repos.waves.findBySlug(programme.id, 'baseline'))!.id, 'piloting')
  await response('N1', 'baseline', '2026-02-02T10:00:00.000Z', { answered: true })
  // A burst on Hill Practice's open link, and starts on Riverside's to set aside (one window restored) and to preview.
  for (let i = 0; i < 21; i++) await response('N2', 'spring', new Date(Date.parse('2026-03-04T09:00:00.000Z') + i * 15_000).toISOString())
  for (const day of ['05', '06', '07']) for (let i = 0; i < 2; i++) await response('N1', 'spring', `2026-03-${day}T10:0${i}:00.000Z`, { submitted: i === 0 })
  const password = await addStaff(ls, 'ada@example.org', 'admin')
  english = httpClient(ls.app)
  dutch = httpClient(ls.app)
  await signIn(english, 'ada@example.org', password)
  await signIn(dutch, 'ada@example.org', password)
  expect((await dutch.get('/language?to=nl&next=%2Fprogrammes%2Fnorth%2Fpractices')).location).toBe('/programmes/north/practices')
  // An archived programme: its practices and waves are listed without ways to change them.
  await admin.addProgramme({ slug: 'south', name: 'South PCN' })
  await admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })
  await admin.addWave({ programme: 'south', slug: 'baseline', title: 'Baseline', questionnaires: ['normalisation'] })
  const archive = await english.get('/programmes/south/archive')
  expect((await english.post('/programmes/south/archive', {}, archive.csrf)).status).toBe(303)
  await setAside('2026-03-05T10:00', '2026-03-05T11:00')
  await setAside('2026-03-06T10:00', '2026-03-06T11:00')
  const page = await english.get('/programmes/north/exclusions')
  const restore = page.$('.ls-exclusion form').last().attr('action')!
  expect((await english.post(restore, {}, page.csrf)).status).toBe(303)
})
afterAll(() => ls.close())

const PAGES = [
  '/programmes/north/practices',
  '/programmes/north/practices/new',
  '/programmes/north/practices/N1/edit',
  '/programmes/north/practices/N1/remove',
  '/programmes/north/practices/N2/remove',
  '/programmes/north/practices/import',
  '/programmes/north/waves',
  '/programmes/north/waves/new',
  '/programmes/north/waves/baseline/edit',
  '/programmes/north/waves/spring/edit',
  '/programmes/north/waves/baseline/open',
  '/programmes/north/waves/autumn/open',
  '/programmes/north/waves/spring/close',
  '/programmes/north/exclusions',
  '/programmes/south/practices',
  '/programmes/south/waves',
]

const noEnglishLeft = (nl: string, en: string) => expect(englishLeft(nl, { sameAsEnglishPage: en, allowed })).toEqual([])

describe.each(PAGES)('%s in Dutch', (path) => {
  it('has no English left', async () => {
    const [en, nl] = [await english.get(path), await dutch.get(path)]
    expect([en.status, nl.status]).toEqual([200, 200])
    expect(nl.$('html').attr('lang')).toBe('nl')
    noEnglishLeft(nl.$.html(), en.$.html())
  })
})

describe('an archived programme in Dutch', () => {
  it('says its practices and waves cannot change', async () => {
    const practices = await dutch.get('/programmes/south/practices')
    expect(practices.$('main .nhsuk-inset-text p').text()).toContain('Dit programma is gearchiveerd, dus de praktijken kunnen niet veranderen.')
    const waves = await dutch.get('/programmes/south/waves')
    expect(waves.$('main .nhsuk-inset-text p').text()).toContain('Dit programma is gearchiveerd, dus de metingen kunnen niet veranderen.')
  })
})

describe('the CSV import in Dutch', () => {
  const upload = async (client: HttpClient, file?: { name: string; content: string }) =>
    client.upload('/programmes/north/practices/import', (await client.get('/programmes/north/practices/import')).csrf, file)

  it('previews each row in Dutch: what an add records, what a change changes, and why a row is refused', async () => {
    const [en, nl] = [await upload(english, { name: 'practices.csv', content: CSV }), await upload(dutch, { name: 'practices.csv', content: CSV })]
    expect([en.status, nl.status]).toEqual([200, 200])
    expect(nl.$('html').attr('lang')).toBe('nl')
    noEnglishLeft(nl.$.html(), en.$.html())
    const words = (code: string) =>
      nl
        .$(`tr:contains("(${code})") li`)
        .map((_, e) => nl.$(e).text().trim())
        .get()
    expect(words('N1')).toEqual(['Praktijkgrootte: 8.400 → 9.000', 'Stedelijk of landelijk: stedelijk → landelijk'])
    expect(
      nl
        .$('tr.ls-import-refused li')
        .map((_, e) => nl.$(e).text().trim())
        .get(),
    ).toEqual([
      'Vul de praktijkgrootte in als een geheel aantal patiënten, zoals 8400',
      'Het welvaartskwintiel moet 1 (minst welvarend) tot en met 5 (meest welvarend) zijn',
    ])
    expect(
      nl
        .$('main ul.nhsuk-list--bullet li')
        .map((_, e) => nl.$(e).text().trim())
        .get(),
    ).toEqual(['1 praktijk wordt toegevoegd', '1 praktijk wordt gewijzigd', '0 rijen veranderen niets', '1 rij wordt geweigerd en weggelaten'])
  })

  it('asks for a file in Dutch', async () => {
    const sent = await upload(dutch)
    expect(sent.status).toBe(422)
    expect(sent.errorSummary.map((e) => e.text)).toEqual(['Kies een CSV-bestand'])
    expect(englishLeft(sent.$.html(), { allowed })).toEqual([])
  })
})

describe('the forms in Dutch', () => {
  it('word the practice form’s errors in Dutch', async () => {
    const form = await dutch.get('/programmes/north/practices/new')
    const sent = await dutch.post('/programmes/north/practices', { code: '', name: '', listSize: 'many', deprivationQuintile: '9', rurality: '' }, form.csrf)
    expect(sent.status).toBe(422)
    expect(sent.errorSummary.map((e) => e.text)).toEqual([
      'Vul de praktijkcode in, zoals de ODS-code B86001',
      'Vul de naam van de praktijk in',
      'Vul de praktijkgrootte in als een geheel aantal patiënten, zoals 8400',
      'Het welvaartskwintiel moet 1 (minst welvarend) tot en met 5 (meest welvarend) zijn',
    ])
    expect(englishLeft(sent.$.html(), { allowed })).toEqual([])
  })

  it('refuse in Dutch to remove a practice with responses', async () => {
    const form = await dutch.get('/programmes/north/practices/N2/remove')
    const refused = await dutch.post('/programmes/north/practices/N1/remove', {}, form.csrf)
    expect(refused.status).toBe(409)
    expect(refused.$('.nhsuk-warning-callout p').text().trim()).toBe(
      'Riverside Surgery heeft 7 responsen en kan daarom niet worden verwijderd: de antwoorden blijven bewaard voor de evaluatie.',
    )
  })

  it('word the wave form’s errors in Dutch, the service’s own rules among them', async () => {
    const form = await dutch.get('/programmes/north/waves/new')
    const sent = await dutch.post('/programmes/north/waves', { slug: 'Bad Slug', title: '', opensOn: '2026-02-30', closesOn: '' }, form.csrf)
    expect(sent.status).toBe(422)
    expect(sent.errorSummary.map((e) => e.text)).toEqual([
      'De korte naam mag alleen kleine letters, cijfers en koppeltekens bevatten, zoals zes-maanden',
      'Vul een titel in',
      'Vul de openingsdatum in als een bestaande datum, zoals 2026-03-02',
      'Kies ten minste één vragenlijst',
    ])
    expect(englishLeft(sent.$.html(), { allowed })).toEqual([])
    const fields = { slug: 'baseline', title: 'Baseline', opensOn: '2026-05-01', closesOn: '2026-04-01', 'questionnaire-1': 'normalisation' }
    const outOfOrder = await dutch.post('/programmes/north/waves', fields, form.csrf)
    expect(outOfOrder.errorSummary.map((e) => e.text)).toEqual(['De sluitingsdatum mag niet voor de openingsdatum liggen'])
    const taken = await dutch.post('/programmes/north/waves', { ...fields, closesOn: '2026-06-01' }, form.csrf)
    expect(taken.errorSummary.map((e) => e.text)).toEqual(['Programma "north" heeft al een meting "baseline"'])
    const twice = await dutch.post('/programmes/north/waves', { ...fields, slug: 'twice', closesOn: '', 'questionnaire-2': 'normalisation' }, form.csrf)
    expect(twice.errorSummary.map((e) => e.text)).toEqual(['Een vragenlijst staat er twee keer in'])
  })

  it('refuse in Dutch to open a wave whose closing date has passed', async () => {
    const form = await dutch.get('/programmes/north/waves/autumn/open')
    const refused = await dutch.post('/programmes/north/waves/baseline/open', {}, form.csrf)
    expect(refused.status).toBe(422)
    expect(refused.$('.nhsuk-warning-callout p').text().trim()).toBe(
      'Baseline kan niet worden geopend: de sluitingsdatum, 27 februari 2026, is voorbij. Wijzig eerst de sluitingsdatum.',
    )
  })

  it('word the exclusions form’s errors in Dutch, and preview what it sets aside', async () => {
    const form = await dutch.get('/programmes/north/exclusions')
    const sent = await dutch.post(
      '/programmes/north/exclusions',
      { wave: 'spring', practice: 'N1', from: '2026-03-07T11:00', to: '2026-03-07T10:00', source: 'open-link', reason: '' },
      form.csrf,
    )
    expect(sent.status).toBe(422)
    expect(sent.errorSummary.map((e) => e.text)).toEqual([
      'Het einde van de periode moet na het begin liggen',
      'Vul in waarom deze responsen buiten beschouwing blijven',
    ])
    const fields = { wave: 'spring', practice: 'N1', from: '2026-03-07T10:00', to: '2026-03-07T11:00', source: 'open-link', reason: 'Made-up answers' }
    const englishForm = await english.get('/programmes/north/exclusions')
    const [en, nl] = [
      await english.post('/programmes/north/exclusions', fields, englishForm.csrf),
      await dutch.post('/programmes/north/exclusions', fields, form.csrf),
    ]
    expect([en.status, nl.status]).toEqual([200, 200])
    expect(nl.heading).toBe('2 responsen buiten beschouwing laten?')
    noEnglishLeft(nl.$.html(), en.$.html())
    const nothing = await dutch.post('/programmes/north/exclusions', { ...fields, from: '2026-03-08T10:00', to: '2026-03-08T11:00' }, form.csrf)
    expect(nothing.errorSummary.map((e) => e.text)).toEqual([
      'In deze periode is geen respons gestart die nog niet buiten beschouwing is gelaten. Controleer de meting, de praktijk en de tijden.',
    ])
  })
})
