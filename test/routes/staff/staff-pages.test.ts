import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { addStaff, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient

beforeEach(async () => {
  ls = await testLinkscore()
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addProgramme({ slug: 'south', name: 'South PCN' })
  await admin.addProgramme({ slug: 'empty', name: 'Empty PCN' })
  await admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
  await admin.addPractice({ programme: 'north', code: 'N2', name: 'North Two' })
  await admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })
  client = httpClient(ls.app)
})
afterEach(() => ls.close())

async function signedInAs(role: 'admin' | 'evaluator' | 'steering', scope = {}) {
  await signIn(client, `${role}@example.org`, await addStaff(ls, `${role}@example.org`, role, scope))
}

function programmesShown(page: Awaited<ReturnType<HttpClient['get']>>) {
  return page
    .$('main h2')
    .map((_, h) => {
      const heading = page.$(h)
      const links = heading
        .nextUntil('h2')
        .find('a')
        .map((_, a) => `${page.$(a).text()} -> ${page.$(a).attr('href')}`)
        .get()
      return { programme: heading.text().trim(), links }
    })
    .get()
}

describe('the staff home page', () => {
  it('shows an admin every programme, its comparison and practices, and the audit log', async () => {
    await signedInAs('admin')
    const page = await client.get('/staff')
    expect(page.heading).toBe('Your programmes')
    expect(page.$('.nhsuk-caption-l').text()).toBe('Administrator')
    expect(programmesShown(page)).toEqual([
      {
        programme: 'Empty PCN',
        links: [
          'Compare the practices of Empty PCN -> /programmes/empty/compare',
          'Compare waves: how the practices of Empty PCN have moved from survey to survey -> /programmes/empty/compare-waves',
          'Download data from Empty PCN -> /programmes/empty/exports',
          'Instrument quality: how reliable the questionnaires of Empty PCN are, scale by scale and item by item -> /programmes/empty/instrument-quality',
          'Waves of Empty PCN -> /programmes/empty/waves',
          'Practices of Empty PCN -> /programmes/empty/practices',
          'Set responses aside in Empty PCN -> /programmes/empty/exclusions',
        ],
      },
      {
        programme: 'North PCN',
        links: [
          'Compare the practices of North PCN -> /programmes/north/compare',
          'Compare waves: how the practices of North PCN have moved from survey to survey -> /programmes/north/compare-waves',
          'Download data from North PCN -> /programmes/north/exports',
          'Instrument quality: how reliable the questionnaires of North PCN are, scale by scale and item by item -> /programmes/north/instrument-quality',
          'Waves of North PCN -> /programmes/north/waves',
          'Practices of North PCN -> /programmes/north/practices',
          'Set responses aside in North PCN -> /programmes/north/exclusions',
          'North One -> /programmes/north/practices/N1',
          'North Two -> /programmes/north/practices/N2',
        ],
      },
      {
        programme: 'South PCN',
        links: [
          'Compare the practices of South PCN -> /programmes/south/compare',
          'Compare waves: how the practices of South PCN have moved from survey to survey -> /programmes/south/compare-waves',
          'Download data from South PCN -> /programmes/south/exports',
          'Instrument quality: how reliable the questionnaires of South PCN are, scale by scale and item by item -> /programmes/south/instrument-quality',
          'Waves of South PCN -> /programmes/south/waves',
          'Practices of South PCN -> /programmes/south/practices',
          'Set responses aside in South PCN -> /programmes/south/exclusions',
          'South One -> /programmes/south/practices/S1',
        ],
      },
      { programme: 'Your account', links: ['Your sessions -> /account/sessions', 'Change your password -> /account/password'] },
      { programme: 'Administration', links: ['Programmes -> /programmes', 'Audit log -> /audit', 'Staff accounts -> /accounts'] },
    ])
  })

  it('shows an evaluator only their programmes', async () => {
    await signedInAs('evaluator', { programmes: ['north'] })
    expect(programmesShown(await client.get('/staff'))).toEqual([
      {
        programme: 'North PCN',
        links: [
          'Compare the practices of North PCN -> /programmes/north/compare',
          'Compare waves: how the practices of North PCN have moved from survey to survey -> /programmes/north/compare-waves',
          'Download data from North PCN -> /programmes/north/exports',
          'Instrument quality: how reliable the questionnaires of North PCN are, scale by scale and item by item -> /programmes/north/instrument-quality',
          'Waves of North PCN -> /programmes/north/waves',
          'Practices of North PCN -> /programmes/north/practices',
          'Set responses aside in North PCN -> /programmes/north/exclusions',
          'North One -> /programmes/north/practices/N1',
          'North Two -> /programmes/north/practices/N2',
        ],
      },
      {
        programme: 'Your account',
        links: ['Your sessions -> /account/sessions', 'Change your password -> /account/password', 'Steering group members -> /accounts'],
      },
    ])
  })

  it('shows a steering group member only their practices, without a comparison', async () => {
    await signedInAs('steering', { practices: ['N2', 'S1'] })
    expect(programmesShown(await client.get('/staff'))).toEqual([
      { programme: 'North PCN', links: ['North Two -> /programmes/north/practices/N2'] },
      { programme: 'South PCN', links: ['South One -> /programmes/south/practices/S1'] },
      { programme: 'Your account', links: ['Your sessions -> /account/sessions', 'Change your password -> /account/password'] },
    ])
  })
})

describe('the audit log page', () => {
  it('lists entries newest first with who, what and when, 50 to a page', async () => {
    for (let i = 1; i <= 120; i++) await ls.services.auditLog.audit({ kind: 'command line' }, 'password reset', { user: `user${i}@example.org` })
    await signedInAs('admin')
    const first = await client.get('/audit')
    expect(first.heading).toBe('Audit log (page 1 of 3)')
    expect(
      first
        .$('thead th')
        .map((_, th) => first.$(th).text())
        .get(),
    ).toEqual(['When', 'Who', 'What', 'Details'])
    const rows = first.$('tbody tr')
    expect(rows.length).toBe(50)
    // A cell's text, each line of the details apart.
    const cells = (i: number) =>
      rows
        .eq(i)
        .find('td')
        .map((_, td) =>
          first.$(td).find('.ls-audit-detail').length
            ? first
                .$(td)
                .find('.ls-audit-detail')
                .map((_, l) => first.$(l).text())
                .get()
                .join(' | ')
            : first.$(td).text().replace(/\s+/g, ' ').trim(),
        )
        .get()
    expect(cells(0).slice(1)).toEqual(['admin@example.org', 'signed in', ''])
    expect(cells(1).slice(1)).toEqual(['command line', 'user added', 'user: admin@example.org | role: admin'])
    expect(cells(2).slice(1)).toEqual(['command line', 'password reset', 'user: user120@example.org'])
    expect(rows.eq(0).find('time').attr('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(first.$('a[rel=next]').attr('href')).toBe('/audit?page=2')
    expect(first.$('a[rel=prev]').length).toBe(0)

    const last = await client.get('/audit?page=3')
    expect(last.$('tbody tr').length).toBe(22)
    expect(last.$('tbody tr').last().find('td').eq(3).text()).toBe('user: user1@example.org')
    expect(last.$('a[rel=prev]').attr('href')).toBe('/audit?page=2')
    expect(last.$('a[rel=next]').length).toBe(0)
  })

  it.each(['0', '4', 'two', '1.5', '-1'])('answers 404 for page %s', async (page) => {
    await signedInAs('admin')
    expect((await client.get(`/audit?page=${page}`)).status).toBe(404)
  })
})
