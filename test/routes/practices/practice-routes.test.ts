// The practices pages as an evaluator of the programme sees them: the list, adding and changing a practice with its stage
// per wave, importing from a CSV file through a preview, and removing a practice only while it has no responses.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { sql } from 'kysely'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { TEST_DATABASE, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let evaluator: HttpClient
let auditedBefore: number

const HEADER = 'code,name,list_size,deprivation_quintile,rurality,sp_model'
const twelve = Array.from({ length: 12 }, (_, i) => `I${String(i + 1).padStart(2, '0')},Imported ${i + 1},${8000 + i * 100},${(i % 5) + 1},urban,Link workers`)

beforeAll(async () => {
  ls = await testLinkscore()
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addProgramme({ slug: 'south', name: 'South PCN' })
  await admin.addPractice({ programme: 'north', code: 'N1', name: 'Dr Smith’s', listSize: 8000 })
  await admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })
  const baseline = await admin.addWave({ programme: 'north', slug: 'baseline', title: 'Baseline', questionnaires: ['pilot'] })
  const n1 = (await ls.repos.practices.findByCode('N1'))!
  for (const [i, status] of (['submitted', 'submitted', 'in_progress'] as const).entries()) {
    const r = await ls.repos.responses.create({
      invitationId: null,
      practiceId: n1.id,
      waveId: baseline.id,
      resumeToken: `t${i}`,
      source: 'open_link',
      role: null,
      setting: null,
      at: '2026-01-01T00:00:00.000Z',
    })
    if (status === 'submitted') await ls.repos.responses.submit(r.id, '2026-01-02T00:00:00.000Z')
  }
  evaluator = httpClient(ls.app)
  expect((await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))).status).toBe(303)
})
afterAll(() => ls.close())
beforeEach(async () => {
  auditedBefore = (await auditLines(ls)).length
})
const newAudit = async () => (await auditLines(ls)).slice(auditedBefore)
const addForm = async (fields: Record<string, string>) =>
  evaluator.post('/programmes/north/practices', fields, (await evaluator.get('/programmes/north/practices/new')).csrf)
const csrf = async () => (await evaluator.get('/programmes/north/practices/import')).csrf
const upload = async (content: string | Buffer, name = 'practices.csv') =>
  evaluator.upload('/programmes/north/practices/import', await csrf(), { name, content })

it('lists each practice with its context, and per wave its stage and the responses sent', async () => {
  const page = await evaluator.get('/programmes/north/practices')
  expect(page.status).toBe(200)
  const row = page.$('#practice-N1')
  expect(row.find('th').first().text()).toContain('Dr Smith’s')
  expect(row.find('td').first().text()).toContain('List size: 8,000')
  expect(row.find('td').eq(1).text().replace(/\s+/g, ' ').trim()).toBe('Stage not recorded 2 responses sent')
  expect(page.$('a:contains("Add a practice")').attr('href')).toBe('/programmes/north/practices/new')
  expect(page.$('a:contains("Import from a CSV file")').attr('href')).toBe('/programmes/north/practices/import')
  expect(row.find('a:contains("Scorecard")').attr('href')).toBe('/programmes/north/practices/N1')
})

it('keeps the scorecard at /practices/:code while /practices/new and /practices/import are the forms', async () => {
  expect((await evaluator.get('/programmes/north/practices/new')).heading).toBe('Add a practice')
  expect((await evaluator.get('/programmes/north/practices/import')).heading).toBe('Import practices from a CSV file')
  expect((await evaluator.get('/programmes/north/practices/N1')).status).toBe(200)
})

it('names each field at fault when adding, and refuses a code another programme has', async () => {
  const page = await addForm({
    code: 'S1',
    name: '',
    listSize: 'lots',
    deprivationQuintile: '7',
    rurality: '',
    spModel: '',
    'stage-baseline': 'sideways',
  })
  expect(page.status).toBe(422)
  expect(page.title).toMatch(/^Error: Add a practice/)
  expect(page.errorSummary).toEqual([
    { text: 'Enter the practice name', href: '#name' },
    { text: 'Enter a list size as a whole number of patients, such as 8400', href: '#listSize' },
    { text: 'Deprivation quintile must be 1 (most deprived) to 5 (least deprived)', href: '#deprivationQuintile' },
    {
      text: 'Implementation stage at Baseline must be one of: not started, piloting, implementing, embedding, embedded (or left empty when it is not recorded)',
      href: '#stage-baseline',
    },
  ])
  expect(page.$('#listSize').val()).toBe('lots')
  const taken = await addForm({ code: 'S1', name: 'Again' })
  expect(taken.errorSummary).toEqual([{ text: 'A practice with code S1 already exists in programme South PCN', href: '#code' }])
  expect(await newAudit()).toEqual([])
})

it('adds and changes a practice with its stage at each wave, auditing before → after in words, and an unchanged save writes nothing', async () => {
  const form = {
    code: 'N2',
    name: 'Riverside',
    listSize: '8,000',
    deprivationQuintile: '2',
    rurality: 'urban',
    spModel: 'PCN link workers',
    'stage-baseline': 'piloting',
  }
  const added = await addForm(form)
  expect(added).toMatchObject({ status: 303, location: '/programmes/north/practices#practice-N2' })
  const changed = await evaluator.submit('/programmes/north/practices/N2/edit', { ...form, listSize: '8400', 'stage-baseline': 'implementing' })
  expect(changed.status).toBe(303)
  expect((await evaluator.submit('/programmes/north/practices/N2/edit', { ...form, listSize: '8400', 'stage-baseline': 'implementing' })).status).toBe(303)
  const lines = await newAudit()
  expect(lines).toEqual([
    'practice added eva@example.org {"programme":"north","practice":"N2","name":"Riverside","details":["List size: 8,000","Deprivation quintile: 2","Urban or rural: urban","Social prescribing model: PCN link workers","Implementation stage at Baseline: piloting"]}',
    'practice changed eva@example.org {"programme":"north","practice":"N2","changes":["List size: 8,000 → 8,400","Implementation stage at Baseline: piloting → implementing"]}',
  ])
  const row = (await evaluator.get('/programmes/north/practices')).$('#practice-N2')
  expect(row.find('td').eq(1).text()).toContain('Implementing')
})

it('refuses to remove a practice with responses, saying why, and removes one without', async () => {
  const refused = await evaluator.get('/programmes/north/practices/N1/remove')
  expect(refused.$('.nhsuk-warning-callout p').text()).toBe('Dr Smith’s has 3 responses, so it cannot be removed: its answers are kept for the evaluation.')
  expect((await evaluator.post('/programmes/north/practices/N1/remove', {}, refused.csrf)).status).toBe(409)
  await ls.services.admin.addPractice({ programme: 'north', code: 'GONE', name: 'Closed surgery' })
  await ls.services.admin.createInvitations({ wave: 'baseline', practice: 'GONE', count: 2 })
  const removed = await evaluator.submit('/programmes/north/practices/GONE/remove', {})
  expect(removed).toMatchObject({ status: 303, location: '/programmes/north/practices' })
  expect(await ls.repos.practices.findByCode('GONE')).toBeUndefined()
  expect(await newAudit()).toEqual(['practice removed eva@example.org {"programme":"north","practice":"GONE","name":"Closed surgery"}'])
})

it('imports 12 practices from a CSV file with a BOM, after a preview that refuses one bad row with its reason', async () => {
  const file = `\uFEFF${HEADER}\r\n${twelve.join('\r\n')}\r\nBAD1,Bad row,-5,9,suburban,\r\nN1,Dr Smith’s,8100,,,\r\nS1,Not ours,,,,\r\n`
  const preview = await upload(file)
  expect(preview.status).toBe(200)
  expect(preview.heading).toBe('Check the practices to import')
  const rows = preview
    .$('tbody tr')
    .map((_, tr) => preview.$(tr).text().replace(/\s+/g, ' ').trim())
    .get()
  expect(rows).toHaveLength(15)
  console.log(rows[0])
  expect(rows[0]).toBe('2 Imported 1 (I01) Add List size: 8,000 Deprivation quintile: 1 Urban or rural: urban Social prescribing model: Link workers')
  expect(rows[12]).toBe(
    '14 Bad row (BAD1) Refused Enter a list size as a whole number of patients, such as 8400 Deprivation quintile must be 1 (most deprived) to 5 (least deprived) Urban or rural must be urban or rural',
  )
  expect(rows[13]).toBe('15 Dr Smith’s (N1) Change List size: 8,000 → 8,100')
  expect(rows[14]).toBe('16 Not ours (S1) Refused A practice with code S1 already exists in programme South PCN')
  expect(await newAudit()).toEqual([])
  const confirmed = await evaluator.upload('/programmes/north/practices/import/confirm', preview.csrf, undefined, {
    plan: String(preview.$('input[name=plan]').val()),
    fileName: 'practices.csv',
    csv: String(preview.$('input[name=csv]').val()),
  })
  expect(confirmed).toMatchObject({ status: 303, location: '/programmes/north/practices' })
  const north = (await ls.repos.programmes.findBySlug('north'))!
  expect((await ls.repos.practices.listByProgramme(north.id)).filter((p) => p.code.startsWith('I'))).toHaveLength(12)
  expect(await ls.repos.practices.findByCode('BAD1')).toBeUndefined()
  const lines = await newAudit()
  expect(lines).toHaveLength(13)
  expect(lines.at(-1)).toBe('practice changed eva@example.org {"programme":"north","practice":"N1","changes":["List size: 8,000 → 8,100"],"from":"CSV file"}')
})

it('saves nothing when the practices changed after the preview, and shows the new preview', async () => {
  const preview = await upload(`${HEADER}\nX1,Late one,,,,\n`)
  await ls.services.admin.addPractice({ programme: 'south', code: 'X1', name: 'Took the code' })
  const confirmed = await evaluator.upload('/programmes/north/practices/import/confirm', preview.csrf, undefined, {
    plan: String(preview.$('input[name=plan]').val()),
    fileName: 'late.csv',
    csv: String(preview.$('input[name=csv]').val()),
  })
  expect(confirmed.status).toBe(409)
  expect(confirmed.$('.nhsuk-warning-callout p').text()).toContain('nothing was saved')
  expect(confirmed.$('tbody').text()).toContain('A practice with code X1 already exists in programme South PCN')
  expect(await newAudit()).toEqual([])
})

it.runIf(TEST_DATABASE === 'sqlite')('writes the adds in one transaction: a row that fails as it is written leaves none of them', async () => {
  await sql`CREATE TRIGGER refuse_y3 BEFORE INSERT ON practice WHEN NEW.code = 'Y3' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`.execute(ls.db)
  try {
    const preview = await upload(`${HEADER}\nY1,One,,,,\nY2,Two,,,,\nY3,Three,,,,\n`)
    const fields = { plan: String(preview.$('input[name=plan]').val()), fileName: 'y.csv', csv: String(preview.$('input[name=csv]').val()) }
    expect((await evaluator.upload('/programmes/north/practices/import/confirm', preview.csrf, undefined, fields)).status).toBe(500)
    expect(await ls.repos.practices.findByCode('Y1')).toBeUndefined()
    expect(await newAudit()).toEqual([])
  } finally {
    await sql`DROP TRIGGER refuse_y3`.execute(ls.db)
  }
})

it.each([
  { what: 'no file', file: undefined, message: 'Select a CSV file' },
  {
    what: 'an empty file',
    file: { name: 'empty.csv', content: '' },
    message: 'The selected file is empty. Choose a CSV file with a header row and a row for each practice.',
  },
  { what: 'a file that is not CSV', file: { name: 'practices.xlsx', content: 'PK' }, message: 'The selected file must be a CSV file (its name ends .csv)' },
  {
    what: 'an unknown column',
    file: { name: 'p.csv', content: 'code,name,postcode\nA1,A,LS1\n' },
    message: 'The CSV file has a column "postcode" that is not one of: code, name, list_size, deprivation_quintile, rurality, sp_model',
  },
  {
    what: 'no name column',
    file: { name: 'p.csv', content: 'code,list_size\nA1,100\n' },
    message: 'The CSV file has no "name" column: its first row must name the columns, such as code, name, list_size, deprivation_quintile, rurality, sp_model',
  },
  {
    what: 'a file over 1 MB',
    file: { name: 'big.csv', content: `${HEADER}\n${'A1,A,,,,\n'.repeat(120_000)}` },
    message: 'The selected file must be smaller than 1 MB',
  },
])('refuses $what beside the field, saving nothing', async ({ file, message }) => {
  const page = await evaluator.upload('/programmes/north/practices/import', await csrf(), file)
  expect(page.status).toBe(422)
  expect(page.errorSummary).toEqual([{ text: message, href: '#file' }])
  expect(page.$('#file-error').text()).toContain(message)
})

it('offers a template to download, with the header and an example row', async () => {
  const template = await evaluator.download('/programmes/north/practices/import/template.csv')
  expect(template.headers['content-disposition']).toBe('attachment; filename=practices-template.csv')
  expect(template.text.split('\r\n')[0]).toBe(HEADER)
  const preview = await upload(template.text, 'practices-template.csv')
  expect(preview.$('tbody tr').text()).toContain('Add')
})
