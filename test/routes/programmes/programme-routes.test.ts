// Administrators add programmes and change their details in the browser: what the pages show, what is stored, what the
// audit log says, and the messages for each field that is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let admin: HttpClient

beforeAll(async () => {
  ls = await testLinkscore()
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  admin = httpClient(ls.app)
  expect((await signIn(admin, 'ada@example.org', await addStaff(ls, 'ada@example.org', 'admin'))).status).toBe(303)
})
afterAll(() => ls.close())

const NEW_SOUTH = {
  slug: 'south',
  name: 'South PCN',
  intervention: 'community referral',
  minPracticeN: '4',
  minBreakdownN: '6',
  organisation: 'University of Somewhere',
  contact: 'Dr A Shah, a.shah@example.org',
  approvalReference: 'IRAS 312345',
  retention: 'until the end of 2028, then deleted',
  studyInformation: 'Approved by the ethics committee (ref 26/NW/0001). Answers are kept for five years.',
}

const listed = async () =>
  (await admin.get('/programmes'))
    .$('.ls-programme h2')
    .map((_, h) =>
      h.children
        .map((c) => ('data' in c ? c.data : ''))
        .join('')
        .trim(),
    )
    .get()

describe('programmes in the browser', () => {
  it('adds a programme from the form, stores every field, and audits it', async () => {
    const form = await admin.get('/programmes/new')
    expect(form.heading).toBe('Add a programme')
    expect(form.$('#intervention').attr('value')).toBe('social prescribing')
    expect(form.$('#minPracticeN').attr('value')).toBe('3')
    const done = await admin.post('/programmes', NEW_SOUTH, form.csrf)
    expect([done.status, done.location]).toEqual([303, '/programmes'])
    expect(await listed()).toEqual(['North PCN', 'South PCN'])
    expect(await ls.repos.programmes.findBySlug('south')).toMatchObject({
      name: 'South PCN',
      intervention: 'community referral',
      minPracticeN: 4,
      minBreakdownN: 6,
      organisation: 'University of Somewhere',
      contact: 'Dr A Shah, a.shah@example.org',
      approvalReference: 'IRAS 312345',
      retention: 'until the end of 2028, then deleted',
      studyInformation: NEW_SOUTH.studyInformation,
      isDemo: false,
    })
    expect((await auditLines(ls)).at(-1)).toBe('programme added ada@example.org {"programme":"south","name":"South PCN"}')
  })

  it.each([
    [
      {},
      [
        'Enter a short name for web addresses',
        'Enter a name',
        'Enter what the intervention is called',
        'Enter the smallest practice group as a whole number',
        'Enter the smallest breakdown group as a whole number',
      ],
    ],
    [{ ...NEW_SOUTH, slug: 'North PCN!' }, ['Use lower-case letters, digits and hyphens for the short name, like north-pcn']],
    [{ ...NEW_SOUTH, slug: 'north' }, ['A programme with the short name "north" already exists']],
    [
      { ...NEW_SOUTH, slug: 'west', minPracticeN: '0', minBreakdownN: '2.5' },
      ['The smallest practice group must be 1 or more', 'Enter the smallest breakdown group as a whole number'],
    ],
    [{ ...NEW_SOUTH, slug: 'west', contact: 'x'.repeat(201) }, ['The contact must be 200 characters or fewer']],
    [
      { ...NEW_SOUTH, slug: 'west', approvalReference: 'x'.repeat(101), retention: 'y'.repeat(201) },
      ['The approval reference must be 100 characters or fewer', 'How long answers are kept must be 200 characters or fewer'],
    ],
  ])('refuses %j, saying what is wrong beside each field, keeping what was typed', async (fields, messages) => {
    const before = await listed()
    const form = await admin.get('/programmes/new')
    const page = await admin.post('/programmes', fields as Record<string, string>, form.csrf)
    expect(page.status).toBe(422)
    expect(page.title).toBe('Error: Add a programme – Linkscore')
    expect(page.errorSummary.map((e) => e.text)).toEqual(messages)
    expect(page.$('#name').attr('value')).toBe((fields as Record<string, string>).name)
    expect(await listed()).toEqual(before)
  })

  it('changes a programme’s details, and the audit log says what changed, before → after', async () => {
    const form = await admin.get('/programmes/north/edit')
    expect(form.heading).toBe('Change North PCN')
    expect(form.$('#slug')).toHaveLength(0)
    const fields = Object.fromEntries(
      ['name', 'intervention', 'minPracticeN', 'minBreakdownN', 'organisation', 'contact', 'approvalReference', 'retention'].map((f) => [
        f,
        String(form.$(`#${f}`).attr('value') ?? ''),
      ]),
    )
    const done = await admin.post('/programmes/north/edit', { ...fields, studyInformation: '', minPracticeN: '5', contact: 'Sam, sam@example.org' }, form.csrf)
    expect(done.status).toBe(303)
    expect(await ls.repos.programmes.findBySlug('north')).toMatchObject({ minPracticeN: 5, contact: 'Sam, sam@example.org', organisation: null })
    expect((await auditLines(ls)).at(-1)).toBe(
      'programme changed ada@example.org {"programme":"north","changes":["smallest practice group: 3 → 5","contact: (none) → Sam, sam@example.org"]}',
    )
    // Sent again unchanged: nothing is written, nothing audited.
    const lines = (await auditLines(ls)).length
    const again = await admin.get('/programmes/north/edit')
    const same = Object.fromEntries(
      ['name', 'intervention', 'minPracticeN', 'minBreakdownN', 'organisation', 'contact', 'approvalReference', 'retention'].map((f) => [
        f,
        String(again.$(`#${f}`).attr('value') ?? ''),
      ]),
    )
    expect((await admin.post('/programmes/north/edit', { ...same, studyInformation: again.$('#studyInformation').text() }, again.csrf)).status).toBe(303)
    expect((await auditLines(ls)).length).toBe(lines)
  })

  it('shows an unknown programme as not found', async () => {
    expect((await admin.get('/programmes/nowhere/edit')).status).toBe(404)
  })
})
