// Archiving a programme: refused while a wave is open, read-only afterwards for pages, services and the command line
// alike, out of every list, its data kept, and back in use on request. The demo asks for its short name first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let admin: HttpClient
let evaluator: HttpClient

beforeAll(async () => {
  ls = await testLinkscore()
  await seedProgramme(ls, ['pilot'])
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  admin = httpClient(ls.app)
  expect((await signIn(admin, 'ada@example.org', await addStaff(ls, 'ada@example.org', 'admin'))).status).toBe(303)
  evaluator = httpClient(ls.app)
  expect((await signIn(evaluator, 'eve@example.org', await addStaff(ls, 'eve@example.org', 'evaluator', { programmes: ['test'] }))).status).toBe(303)
})
afterAll(() => ls.close())

/** Each heading's own words, without its tags. */
const headings = async (client: HttpClient, url: string, selector: string) => {
  const page = await client.get(url)
  return page
    .$(selector)
    .map((_, h) => page.$(h).clone().children().remove().end().text().trim())
    .get()
}
const staffHome = async (client: HttpClient) => (await client.get('/staff')).$('main').text()

describe('archiving a programme', () => {
  it('is refused while a wave is open, saying which and where to close it, and changes nothing', async () => {
    const page = await admin.get('/programmes/test/archive')
    expect(page.heading).toBe('Archive Test programme')
    expect(page.$('.nhsuk-warning-callout p').text()).toBe('Test programme cannot be archived while Baseline survey is open: close it on the Waves page first.')
    expect(page.$('form[action="/programmes/test/archive"]').length).toBe(0)
    const forced = await admin.post('/programmes/test/archive', {}, page.csrf)
    expect(forced.status).toBe(422)
    expect((await ls.repos.programmes.findBySlug('test'))!.archivedAt).toBeNull()
  })

  it('once its waves are closed, leaves every list, keeps its data, and is audited', async () => {
    await ls.services.waves.close({ kind: 'command line' }, 'test', 'baseline')
    const page = await admin.get('/programmes/test/archive')
    expect(page.$('main p').first().text()).toContain('Archiving makes the programme read-only and leaves it out of every list')
    const done = await admin.post('/programmes/test/archive', {}, page.csrf)
    expect([done.status, done.location]).toEqual([303, '/programmes'])
    expect(await headings(admin, '/programmes', '.ls-programme h2')).toEqual(['North PCN'])
    expect(await headings(admin, '/programmes', '.ls-programme h3')).toEqual(['Test programme'])
    expect(await staffHome(admin)).not.toContain('Test programme')
    expect(await staffHome(evaluator)).not.toContain('Test programme')
    expect((await auditLines(ls)).at(-1)).toBe('programme archived ada@example.org {"programme":"test","status":"in use → archived"}')
    expect((await admin.get('/programmes/test/compare')).status).toBe(200)
    const practices = await admin.get('/programmes/test/practices')
    expect(practices.$('main .nhsuk-inset-text').text()).toContain('This programme is archived, so its practices cannot change.')
    expect(practices.$('main a:contains("Add a practice"), main a:contains("Change"), main a:contains("Remove")').length).toBe(0)
    const waves = await admin.get('/programmes/test/waves')
    expect(waves.$('main .nhsuk-inset-text').text()).toContain('This programme is archived, so its waves cannot change.')
    expect(waves.$('main a:contains("Add a wave"), main a:contains("Change"), main a:contains("Open this wave")').length).toBe(0)
    expect((await admin.download('/programmes/test/exports/responses.csv?wave=baseline')).status).toBe(200)
  })

  it('is read-only: its details, waves, exclusions and invitations cannot change', async () => {
    const form = await admin.get('/programmes')
    const refused = [
      await admin.get('/programmes/test/edit'),
      await admin.post('/programmes/test/edit', { name: 'Renamed', intervention: 'x', minPracticeN: '3', minBreakdownN: '5' }, form.csrf),
      await admin.post('/programmes/test/waves/baseline/open', {}, form.csrf),
      await admin.post('/programmes/test/waves/baseline/edit', { title: 'Renamed', opensOn: '', closesOn: '' }, form.csrf),
      await admin.post('/programmes/test/waves', { slug: 'later', title: 'Later', questionnaires: ['pilot'] }, form.csrf),
      await admin.get('/programmes/test/waves/new'),
      await admin.get('/programmes/test/waves/baseline/open'),
      await admin.post('/programmes/test/exclusions', { reason: 'test' }, form.csrf),
      await admin.post('/programmes/test/exclusions/1/restore', {}, form.csrf),
      await admin.get('/programmes/test/practices/new'),
      await admin.post('/programmes/test/practices', { code: 'P009', name: 'Late addition' }, form.csrf),
      await admin.get('/programmes/test/practices/P001/edit'),
      await admin.post('/programmes/test/practices/P001/remove', {}, form.csrf),
      await admin.get('/programmes/test/practices/import'),
    ]
    for (const [i, page] of refused.entries()) {
      expect([i, page.status]).toEqual([i, 409])
      expect(page.status).toBe(409)
      expect(page.heading).toBe('This programme is archived')
      expect(page.$('main').text()).toContain('Test programme is archived, so nothing about it can be changed.')
    }
    await expect(ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 1 })).rejects.toThrow('Test programme is archived')
    await expect(ls.services.admin.addPractice({ programme: 'test', code: 'P002', name: 'Another' })).rejects.toThrow('Test programme is archived')
    await expect(ls.services.practices.edit({ kind: 'command line' }, 'P001', { name: 'Renamed' })).rejects.toThrow('Test programme is archived')
    expect((await ls.repos.practices.findByCode('P001'))!.name).toBe('Practice P001')
    expect(await ls.repos.practices.findByCode('P009')).toBeUndefined()
    const p = (await ls.repos.programmes.findBySlug('test'))!
    expect(p.name).toBe('Test programme')
    expect((await ls.repos.waves.listByProgramme(p.id)).map((w) => [w.slug, w.title, w.status])).toEqual([['baseline', 'Baseline survey', 'closed']])
  })

  it('comes back into use, into the lists, as it was', async () => {
    const form = await admin.get('/programmes')
    expect(form.$('button:contains("Bring back into use")').text().replace(/\s+/g, ' ').trim()).toBe('Bring back into use Test programme')
    const done = await admin.post('/programmes/test/restore', {}, form.csrf)
    expect([done.status, done.location]).toEqual([303, '/programmes'])
    expect(await headings(admin, '/programmes', '.ls-programme h2')).toEqual(['North PCN', 'Test programme'])
    expect(await staffHome(evaluator)).toContain('Test programme')
    expect((await auditLines(ls)).at(-1)).toBe('programme restored ada@example.org {"programme":"test","status":"archived → in use"}')
    expect((await admin.get('/programmes/test/edit')).status).toBe(200)
  })

  it('is for admins only: an evaluator of the programme gets not found', async () => {
    expect((await evaluator.get('/programmes/test/archive')).status).toBe(404)
    expect((await evaluator.post('/programmes/test/archive', {}, (await evaluator.get('/staff')).csrf)).status).toBe(404)
    expect((await ls.repos.programmes.findBySlug('test'))!.archivedAt).toBeNull()
  })
})

describe('archiving the demo programme', () => {
  it('asks for its short name, and archives it only when typed', async () => {
    await ls.repos.programmes.create({ slug: 'demo', name: 'Demo programme', intervention: 'social prescribing', isDemo: true })
    const page = await admin.get('/programmes/demo/archive')
    expect(page.$('.nhsuk-warning-callout__label').text()).toBe('This is the demo programme')
    for (const typed of ['', 'Demo', 'test']) {
      const refused = await admin.post('/programmes/demo/archive', { confirmSlug: typed }, page.csrf)
      expect(refused.status).toBe(422)
      expect(refused.title).toMatch(/^Error: Archive Demo programme/)
      expect(refused.errorSummary).toEqual([{ text: 'Type demo to archive the demo programme', href: '#confirmSlug' }])
      expect((await ls.repos.programmes.findBySlug('demo'))!.archivedAt).toBeNull()
    }
    const done = await admin.post('/programmes/demo/archive', { confirmSlug: ' demo ' }, page.csrf)
    expect(done.status).toBe(303)
    expect((await ls.repos.programmes.findBySlug('demo'))!.archivedAt).not.toBeNull()
  })
})
