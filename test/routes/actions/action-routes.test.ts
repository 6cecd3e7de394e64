// The action plan over HTTP: a steering member records an action for a priority of the baseline scorecard, the
// follow-up scorecard shows it beside the change since, and nobody outside the practice sees or touches it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HttpClient, Page } from '../../support/http-client.js'
import { change, exportCsv, staffClient, tableRows, type CsvRow } from '../../support/report-expectations.js'
import { REPORT_AT, seedReportFixture } from '../../support/report-fixture.js'
import { auditLines } from '../../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let steering: HttpClient
let otherSteering: HttpClient
let evaluator: HttpClient
let changes: CsvRow[]

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES, clock: { now: () => new Date(REPORT_AT) } })
  await seedReportFixture(ls)
  steering = await staffClient(ls, ls.app, 'steer@example.org', 'steering', { practices: ['N1'] })
  otherSteering = await staffClient(ls, ls.app, 'birch@example.org', 'steering', { practices: ['N2'] })
  evaluator = await staffClient(ls, ls.app, 'eva@example.org', 'evaluator', { programmes: ['north'] })
  changes = await exportCsv(ls, 'change', '--from', 'baseline', '--to', 'follow-up', '--programme', 'north')
})
afterAll(() => ls.close())

const BASELINE = '/programmes/north/practices/N1?wave=baseline'
const priorities = (page: Page) => page.$('#priorities-normalisation').next('ol').children('li')
const GOOD = { action: 'Put social prescribing on the partners’ meeting agenda every month', owner: 'Practice manager', reviewOn: '2026-06-30' }

/** The first normalisation priority of N1's baseline scorecard: its name and the link that records its action. */
async function firstPriority(client: HttpClient) {
  const page = await client.get(BASELINE)
  const item = priorities(page).first()
  // Its name as the scorecard gives it: plain words, then the theory's name in smaller type.
  return { name: item.text().split(':')[0]!.replace(/\s+/g, ' ').trim(), href: item.find('a').first().attr('href')! }
}

describe('recording an action for a priority', () => {
  it('offers every priority a link to record its action, saying which', async () => {
    const page = await steering.get(BASELINE)
    expect(priorities(page).length).toBe(3)
    priorities(page).each((_, li) => {
      const link = page.$(li).find('.ls-action-links a')
      expect(link.length).toBe(1)
      expect(link.text()).toBe(`Record an action for ${page.$(li).text().split(':')[0]!.replace(/\s+/g, ' ').trim()}`)
    })
  })

  it('words what is missing, then records the action and leads back to the priorities', async () => {
    const { name, href } = await firstPriority(steering)
    const form = await steering.get(href)
    expect(form.status).toBe(200)
    expect(form.heading).toBe(`Record an action for ${name}`)
    expect(form.$('main form input[name="_csrf"]').length).toBe(1)

    const empty = await steering.post(href, { action: ' ', owner: '', reviewOn: '31/06/2026' }, form.csrf)
    expect(empty.status).toBe(422)
    expect(empty.title.startsWith('Error: ')).toBe(true)
    expect(empty.errorSummary).toEqual([
      { text: 'Enter the action the steering group agreed', href: '#action' },
      { text: 'Enter who owns the action', href: '#owner' },
      { text: 'The review date must be a real date, like 2026-06-30', href: '#reviewOn' },
    ])
    expect(empty.$('#reviewOn').val()).toBe('31/06/2026')

    const saved = await steering.post(href, GOOD, form.csrf)
    expect(saved.status).toBe(303)
    expect(saved.location).toBe('/programmes/north/practices/N1?wave=baseline#priorities-normalisation')
    const item = priorities(await steering.get(BASELINE)).first()
    expect(item.find('.ls-action').text().replace(/\s+/g, ' ').trim()).toBe(`Action: ${GOOD.action} (Practice manager, review by 30 June 2026)`)
    expect(
      item
        .find('.ls-action-links a')
        .map((_, a) => item.find(a).text())
        .get(),
    ).toEqual([`Change the action for ${name}`, `Remove it: the action for ${name}`])
    expect((await auditLines(ls)).at(-1)).toMatch(
      /^action recorded steer@example\.org \{"programme":"north","practice":"N1","wave":"baseline","questionnaire":"normalisation"/,
    )
  })

  it("shows the earlier action on the next survey's scorecard, beside the change in its scale", async () => {
    const { name, href } = await firstPriority(evaluator)
    const scale = new URL(href, 'http://x').searchParams.get('scale')!
    const page = await evaluator.get('/programmes/north/practices/N1?wave=follow-up')
    expect(page.$('#earlier-actions-heading').text()).toBe('Actions agreed after Baseline survey')
    const c = changes.find((r) => r.practice_code === 'N1' && r.questionnaire === 'normalisation' && r.scale === scale)!
    const flag =
      c.changed === '' ? 'not tested' : c.changed === 'true' ? (Number(c.difference) > 0 ? 'significant rise' : 'significant fall') : 'not significant'
    expect(tableRows(page.$, page.$('#earlier-actions'))).toEqual([
      [`${name} Normalisation`, GOOD.action, 'Practice manager', '30 June 2026', `${change(c.difference!)}, ${flag}`],
    ])
    // The scorecard of the wave itself has no earlier actions to show.
    expect((await evaluator.get(BASELINE)).$('#earlier-actions').length).toBe(0)
  })

  it("is never shown to another practice's steering members, who cannot open or send its form", async () => {
    const { href } = await firstPriority(steering)
    const n2 = await otherSteering.get('/programmes/north/practices/N2?wave=follow-up')
    expect(n2.status).toBe(200)
    expect(n2.$('main').text()).not.toContain(GOOD.action)
    const csrf = n2.csrf
    for (const page of [
      await otherSteering.get(href),
      await otherSteering.post(href, { ...GOOD, owner: 'Someone else' }, csrf),
      await otherSteering.get(href.replace('/action?', '/action/remove?')),
      await otherSteering.post(href.replace('/action?', '/action/remove?'), {}, csrf),
      await otherSteering.get('/programmes/north/practices/N1?wave=follow-up'),
    ]) {
      expect(page.status).toBe(404)
      expect(page.heading).toBe('Page not found')
    }
    expect((await firstPriority(steering)).href).toBe(href)
    expect(
      priorities(await steering.get(BASELINE))
        .first()
        .find('.ls-action')
        .text(),
    ).toContain('Practice manager')
  })

  it('answers a priority that is not one with "Page not found", never a 500', async () => {
    for (const query of [
      '',
      '?wave=baseline',
      '?wave=baseline&questionnaire=normalisation&scale=nothing',
      '?wave=nope&questionnaire=normalisation&scale=x',
      '?wave[]=a',
    ]) {
      const page = await steering.get(`/programmes/north/practices/N1/action${query}`)
      expect([query, page.status, page.heading]).toEqual([query, 404, 'Page not found'])
    }
  })

  it('changes the action, then removes it after asking', async () => {
    const { name, href } = await firstPriority(evaluator)
    const form = await evaluator.get(href)
    expect(form.heading).toBe(`Change the action for ${name}`)
    expect(form.$('#owner').val()).toBe('Practice manager')
    expect((await evaluator.post(href, { ...GOOD, owner: 'Dr Shah' }, form.csrf)).status).toBe(303)
    const removeHref = priorities(await evaluator.get(BASELINE))
      .first()
      .find('.ls-action-links a')
      .eq(1)
      .attr('href')!
    const confirm = await evaluator.get(removeHref)
    expect(confirm.heading).toBe(`Remove the action for ${name}?`)
    expect(
      confirm
        .$('.nhsuk-summary-list__value')
        .map((_, d) => confirm.$(d).text())
        .get(),
    ).toEqual([GOOD.action, 'Dr Shah', '30 June 2026'])
    const removed = await evaluator.post(removeHref, {}, confirm.csrf)
    expect(removed.location).toBe('/programmes/north/practices/N1?wave=baseline#priorities-normalisation')
    expect(
      priorities(await evaluator.get(BASELINE))
        .first()
        .find('.ls-action').length,
    ).toBe(0)
    expect((await evaluator.get(removeHref)).status).toBe(404)
    expect((await auditLines(ls)).slice(-2).map((l) => l.split(' {')[0])).toEqual(['action changed eva@example.org', 'action removed eva@example.org'])
  })

  it('offers no links in an archived programme, and refuses its form', async () => {
    const { href } = await firstPriority(steering)
    const north = (await ls.repos.programmes.findBySlug('north'))!
    await ls.repos.programmes.setArchivedAt(north.id, REPORT_AT)
    try {
      expect(priorities(await steering.get(BASELINE)).find('.ls-action-links').length).toBe(0)
      const refused = await steering.get(href)
      expect(refused.status).toBe(409)
      expect(refused.heading).toBe('This programme is archived')
    } finally {
      await ls.repos.programmes.setArchivedAt(north.id, null)
    }
  })
})
