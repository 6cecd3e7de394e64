// A flood of made-up responses through an open link, then set aside on the exclusions page: the scores are those from
// before the flood again, the responses stay in the exports, marked, and restoring them brings the flood back.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../../server/clock.js'
import { answerAndSubmit } from '../../../server/demo/seed-demo.js'
import { seededRandom } from '../../../server/demo/seeded-random.js'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { seedReportFixture } from '../../support/report-fixture.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const FLOOD_AT = '2026-03-09T09:00:00.000Z'
const QUESTIONNAIRES = ['context', 'normalisation', 'good-practice']
const clock: Clock = { now: () => new Date(FLOOD_AT) }

let ls: TestLinkscore
let evaluator: HttpClient

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES, clock })
  await seedReportFixture(ls)
  evaluator = httpClient(ls.app)
  expect((await signIn(evaluator, 'evaluator@example.org', await addStaff(ls, 'evaluator@example.org', 'evaluator', { programmes: ['north'] }))).status).toBe(
    303,
  )
})
afterAll(() => ls.close())

const scores = async () => {
  const programme = (await ls.repos.programmes.findBySlug('north'))!
  return ls.services.scoring.scoreWave(programme, (await ls.repos.waves.findBySlug(programme.id, 'baseline'))!, 'respondents')
}
const scorecardText = async () => (await evaluator.get('/programmes/north/practices/N1?wave=baseline')).$('main').text().replace(/\s+/g, ' ')

/** Starts a survey through N1's open link as a new visitor, and when it starts, fills it in with the lowest answers and sends it. */
async function floodOnce(): Promise<number> {
  const visitor = httpClient(ls.app)
  const form = await visitor.get('/p/N1/baseline')
  const started = await visitor.post('/p/N1/baseline', {}, form.csrf)
  if (started.status !== 303) return started.status
  const response = (await ls.repos.responses.findByResumeToken(started.location!.split('/')[2]!))!
  const lowest = { base: 1, byScale: {}, spread: 0 }
  await answerAndSubmit(ls.repos, ls.services.catalogue, {
    responseId: response.id,
    role: 'gp',
    setting: 'general_practice',
    questionnaireIds: QUESTIONNAIRES,
    profile: lowest,
    random: seededRandom(1),
    at: FLOOD_AT,
  })
  return 303
}

/** The form of the exclusions page as a browser would send it: its fields' current values, and `changes`. */
function formFields(page: Page, changes: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {}
  page
    .$('form[action="/programmes/north/exclusions"]')
    .find('select, input, textarea')
    .each((_, el) => {
      const e = page.$(el)
      const name = e.attr('name')
      if (!name || name === '_csrf') return
      if (e.is('select')) fields[name] = String(e.find('option[selected]').attr('value') ?? e.find('option').first().attr('value'))
      else if (e.is('textarea')) fields[name] = e.text()
      else if (e.attr('type') === 'radio') {
        if (e.attr('checked') !== undefined) fields[name] = String(e.attr('value'))
      } else fields[name] = String(e.attr('value') ?? '')
    })
  return { ...fields, ...changes }
}

/** Each row of the summary lists under `scope`, as one line: key, then the value's lines. */
function summaryRows(page: Page, scope = 'main'): string[] {
  const rows = page.$(scope).find('.nhsuk-summary-list__row')
  rows.find('br').replaceWith(' ')
  return rows.map((_, row) => page.$(row).text().replace(/\s+/g, ' ').trim()).get()
}

const exportedResponses = async () => {
  const csv = await evaluator.download('/programmes/north/exports/responses.csv?wave=baseline')
  return parse(csv.text, { columns: true }) as Record<string, string>[]
}

describe('a flood through an open link, set aside and restored', () => {
  let beforeFlood: Awaited<ReturnType<typeof scores>>
  let flooded: Awaited<ReturnType<typeof scores>>
  let scorecardBefore: string

  it('lets the flood in up to the limit, and the made-up answers move the scores', async () => {
    beforeFlood = await scores()
    scorecardBefore = await scorecardText()
    const statuses: number[] = []
    for (let i = 0; i < 500; i++) statuses.push(await floodOnce())
    expect(statuses.filter((s) => s === 303)).toHaveLength(30)
    expect(statuses.slice(30)).toEqual(Array(470).fill(429))
    flooded = await scores()
    expect(flooded).not.toEqual(beforeFlood)
    const n1 = (s: typeof flooded) =>
      s.find((q) => q.questionnaire === 'normalisation')!.practices.find((p) => p.practiceCode === 'N1' && p.scale === 'coherence')!
    const [before, after] = [n1(beforeFlood), n1(flooded)]
    if (before.withheld || after.withheld) throw new Error('N1 is scored both times')
    expect(after.n).toBe(before.n + 30)
    expect(after.score).toBeLessThan(before.score)
    // 500 requests, 30 of them whole surveys: on a loaded 2-core machine this outlasts the default 30 s.
  }, 120_000)

  it('flags the burst, and its link fills in the form', async () => {
    const page = await evaluator.get('/programmes/north/exclusions')
    expect(page.status).toBe(200)
    expect(page.heading).toBe('Set responses aside: North PCN')
    const burst = page.$('.ls-bursts li')
    expect(burst).toHaveLength(1)
    expect(burst.find('h3').text().trim()).toBe('Alder Surgery (N1), Baseline survey')
    expect(burst.find('p').first().text().trim()).toBe('30 starts from 9 March 2026 at 09:00 to 9 March 2026 at 09:00')
    const filled = await evaluator.get(burst.find('a').attr('href')!)
    expect(formFields(filled)).toEqual({ wave: 'baseline', practice: 'N1', from: '2026-03-09T09:00', to: '2026-03-09T09:01', source: 'open-link', reason: '' })
  })

  it('asks for a reason, then shows what it would set aside before it does', async () => {
    const filled = await evaluator.get('/programmes/north/exclusions?wave=baseline&practice=N1&from=2026-03-09T09:00&to=2026-03-09T09:01&source=open-link')
    const noReason = await evaluator.post('/programmes/north/exclusions', formFields(filled), filled.csrf)
    expect(noReason.status).toBe(422)
    expect(noReason.errorSummary).toEqual([{ text: 'Enter why these responses are set aside', href: '#reason' }])
    expect(await scores()).toEqual(flooded)

    const preview = await evaluator.post('/programmes/north/exclusions', formFields(filled, { reason: '30 made-up responses in one minute' }), filled.csrf)
    expect(preview.status).toBe(200)
    expect(preview.heading).toBe('Set aside 30 responses?')
    expect(summaryRows(preview)).toEqual([
      'Wave Baseline survey',
      'Practice Alder Surgery (N1)',
      'Started From 2026-03-09 09:00 to 2026-03-09 09:01 (UK time) Started through the open link',
      'Responses 30 sent 0 not sent',
      'Reason 30 made-up responses in one minute',
    ])
    expect(await scores()).toEqual(flooded)

    const confirmFields = Object.fromEntries(
      preview
        .$('form input[type=hidden]')
        .map((_, el) => [[preview.$(el).attr('name'), preview.$(el).attr('value')]])
        .get(),
    )
    delete confirmFields._csrf
    const done = await evaluator.post('/programmes/north/exclusions', { ...confirmFields, confirm: 'yes' }, preview.csrf)
    expect(done.status).toBe(303)
    expect(done.location).toBe('/programmes/north/exclusions#set-aside-already')
  })

  it('leaves the scores, to the last digit, and the scorecard as they were before the flood', async () => {
    expect(await scores()).toEqual(beforeFlood)
    expect(await scorecardText()).toBe(scorecardBefore)
  })

  it('keeps the responses in the export, marked excluded, and no longer flags the burst', async () => {
    const rows = await exportedResponses()
    expect(rows.filter((r) => r.excluded === '1')).toHaveLength(30)
    expect(rows.filter((r) => r.excluded === '1').every((r) => r.started_at === FLOOD_AT && r.practice_code === 'N1')).toBe(true)
    expect(rows.filter((r) => r.excluded === '0').map((r) => r.started_at)).not.toContain(FLOOD_AT)
    const page = await evaluator.get('/programmes/north/exclusions')
    expect(page.$('.ls-bursts')).toHaveLength(0)
    const listed = page.$('.ls-exclusion')
    expect(listed.find('h3').text().replace(/\s+/g, ' ').trim()).toBe('Baseline survey: Alder Surgery (N1) Set aside')
    expect(summaryRows(page, '.ls-exclusion')).toEqual([
      'Started From 9 March 2026 at 09:00 to 9 March 2026 at 09:01 Started through the open link',
      'Set aside 30 responses',
      'Reason 30 made-up responses in one minute',
      'By evaluator@example.org, 9 March 2026 at 09:00',
    ])
  })

  it('refuses a second exclusion of the same window: nothing is left to set aside', async () => {
    const filled = await evaluator.get('/programmes/north/exclusions?wave=baseline&practice=N1&from=2026-03-09T09:00&to=2026-03-09T09:01')
    const again = await evaluator.post('/programmes/north/exclusions', formFields(filled, { reason: 'again', confirm: 'yes' }), filled.csrf)
    expect(again.status).toBe(422)
    expect(again.errorSummary).toEqual([
      { text: 'No response that is not set aside already started in this window. Check the wave, the practice and the times.', href: '#from' },
    ])
  })

  it('restores them: the flooded scores are back, and both changes are in the audit log', async () => {
    const page = await evaluator.get('/programmes/north/exclusions')
    const restore = page.$('.ls-exclusion form')
    const done = await evaluator.post(restore.attr('action')!, {}, page.csrf)
    expect(done.status).toBe(303)
    expect(await scores()).toEqual(flooded)
    expect((await exportedResponses()).filter((r) => r.excluded === '1')).toHaveLength(0)
    const after = await evaluator.get('/programmes/north/exclusions')
    expect(after.$('.ls-exclusion h3').text().replace(/\s+/g, ' ').trim()).toBe('Baseline survey: Alder Surgery (N1) Restored')
    expect(after.$('.ls-exclusion form')).toHaveLength(0)
    expect(after.$('.ls-bursts li')).toHaveLength(1)
    // A second restore (an old tab, a double click) changes nothing and writes nothing.
    expect((await evaluator.post(restore.attr('action')!, {}, page.csrf)).status).toBe(303)

    const lines = (await auditLines(ls)).filter((line) => line.startsWith('responses'))
    const id = Number(restore.attr('action')!.split('/')[4])
    expect(lines).toEqual([
      `responses excluded evaluator@example.org {"programme":"north","wave":"baseline","practice":"N1","startedFrom":"2026-03-09T09:00:00.000Z","startedTo":"2026-03-09T09:01:00.000Z","openLinkOnly":true,"exclusion":${id},"responses":30,"reason":"30 made-up responses in one minute"}`,
      `responses restored evaluator@example.org {"programme":"north","exclusion":${id},"responses":30}`,
    ])
  })
})
