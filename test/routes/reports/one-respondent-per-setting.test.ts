// Acceptance for "no leak by subtraction": a practice with three respondents, one in each setting. Over HTTP on a real
// database, neither its scorecard, nor the comparison (whole or by setting), nor the exports page or a score export
// gives any one setting's count, nor lets one be worked out from the figures beside it.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PRACTICES } from '../../../server/demo/demo-profiles.js'
import { seededRandom } from '../../../server/demo/seeded-random.js'
import { answerAndSubmit } from '../../../server/demo/seed-demo.js'
import { findRole } from '../../../server/survey/roles.js'
import type { HttpClient, Page } from '../../support/http-client.js'
import { staffClient, tableRows, type CsvRow } from '../../support/report-expectations.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const AT = '2026-03-02T10:00:00.000Z'
const QUESTIONNAIRES = ['context', 'normalisation', 'good-practice']
/** E1: one of each setting; E3: three in general practice; E2: six of each, so the programme figures and the setting views have a practice to show. */
const ARRIVALS: Record<string, string[]> = {
  E1: ['gp', 'link_worker', 'community_org'],
  E2: [...Array(6).fill('gp'), ...Array(6).fill('link_worker'), ...Array(6).fill('community_org')],
  // The reported leak: general practice withheld beside link workers 0, community 0 and all settings 3.
  E3: ['gp', 'gp', 'gp'],
}
const WITHHELD = 'Withheld'

let ls: TestLinkscore
let client: HttpClient

async function seed(): Promise<void> {
  const admin = ls.services.admin
  const random = seededRandom(11)
  await admin.addProgramme({ slug: 'east', name: 'East PCN' })
  for (const code of Object.keys(ARRIVALS)) await admin.addPractice({ programme: 'east', code, name: `Practice ${code}` })
  for (const [w, slug] of ['first', 'second'].entries()) {
    const wave = await admin.addWave({ programme: 'east', slug, title: `${['First', 'Second'][w]} survey`, questionnaires: QUESTIONNAIRES, open: true })
    for (const [code, roles] of Object.entries(ARRIVALS)) {
      const practice = (await ls.repos.practices.findByCode(code))!
      for (const role of roles) {
        const setting = findRole(role)!.setting!
        const response = await ls.repos.responses.create({
          invitationId: null,
          practiceId: practice.id,
          waveId: wave.id,
          resumeToken: `east-${random.next()}`.padEnd(24, 'x'),
          source: 'open_link',
          role,
          setting,
          at: AT,
        })
        const answers = { responseId: response.id, role, setting, questionnaireIds: QUESTIONNAIRES, profile: DEMO_PRACTICES[0]!.profile, random, at: AT }
        await answerAndSubmit(ls.repos, ls.services.catalogue, answers)
      }
    }
  }
}

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seed()
  client = await staffClient(ls, ls.app, 'eva@example.org', 'evaluator', { programmes: ['east'] })
})
afterAll(() => ls.close())

const get = async (path: string): Promise<Page> => {
  const page = await client.get(path)
  expect(page.status).toBe(200)
  return page
}
const csv = async (path: string): Promise<CsvRow[]> => {
  const file = await client.download(path)
  expect(file.status).toBe(200)
  return parse(file.text, { columns: true }) as CsvRow[]
}
const mainTable = (page: Page) => page.$('table.ls-compare-table')
/** The score columns of each row, after its practice: not the responses, rate and stage (every setting's, shown at 3 or more), nor the changes. */
function scoreRows(page: Page): string[][] {
  const headers = mainTable(page)
    .find('thead tr')
    .last()
    .find('th')
    .map((_, th) => page.$(th).text().trim())
    .get()
  const keep = headers.map((h, i) => i > 0 && !['Responses', 'Response rate', 'Implementation stage'].includes(h) && !h.startsWith('Change since'))
  return tableRows(page.$, mainTable(page)).map((row) => [row[0]!, ...row.filter((_, i) => keep[i])])
}
/** The statistics tables' rows: scale, practices, respondents, … */
const statsRows = (page: Page) => tableRows(page.$, page.$('table.ls-table:not(.ls-compare-table):not(.ls-chart-table)'))

describe('practices of three: one in each setting (E1), or all in general practice (E3)', () => {
  it.each(['E1', 'E3'])('has a scorecard (%s) that withholds every setting, showing only the total of 3', async (code) => {
    const page = await get(`/programmes/east/practices/${code}`)
    expect(tableRows(page.$, page.$('section[aria-labelledby="responses-heading"] table')).map((r) => r.slice(0, 2))).toEqual([
      ['General practice', WITHHELD],
      ['Link workers', WITHHELD],
      ['Community sector', WITHHELD],
      ['All settings', '3'],
    ])
    // The free-text questions are asked of everyone, so they stay: they say nothing of the setting that wrote them.
    // Three: the context questionnaire's "change one thing" and the two of normalisation.
    expect(page.$('.ls-free-text h3').length).toBe(3)
    expect(page.$('.ls-free-text').text()).not.toContain('Not shown')
  })

  it.each(['general_practice', 'link_worker', 'community'])(
    'is withheld in the comparison by %s, whose respondent counts are those of the other practice alone',
    async (setting) => {
      const page = await get(`/programmes/east/compare?setting=${setting}`)
      const rows = scoreRows(page)
      expect(
        rows
          .find((r) => r[0]!.startsWith('Practice E1'))!
          .slice(1)
          .every((cell) => cell === WITHHELD),
      ).toBe(true)
      expect(rows.find((r) => r[0]!.startsWith('Practice E2'))!.slice(1)).not.toContain(WITHHELD)
      // Every statistics row: E2 or no practice, and at most its six respondents of the setting; E1's one never added in.
      const counts = statsRows(page)
      expect(counts.length).toBeGreaterThan(0)
      for (const [, practices, respondents] of counts) expect([practices, Number(respondents) <= 6]).toEqual([Number(respondents) > 0 ? '1' : '0', true])
    },
  )

  it('adds only its own figures to the whole comparison and the scale statistics, never a setting', async () => {
    const scores = await csv('/programmes/east/exports/scores.csv?wave=second')
    const stats = await csv('/programmes/east/exports/scale-stats.csv?wave=second')
    // E1's n, wherever shown, is its total; the programme's respondents are the shown practices' n added up
    for (const row of scores.filter((r) => r.practice_code === 'E1')) expect(row.n).toBe(row.withheld === 'true' ? '' : '3')
    for (const s of stats) {
      const shown = scores.filter((r) => r.questionnaire === s.questionnaire && r.scale === s.scale && r.withheld === 'false')
      expect([s.n_practices, s.n_respondents]).toEqual([String(shown.length), String(shown.reduce((sum, r) => sum + Number(r.n), 0))])
    }
    const page = await get('/programmes/east/compare')
    const onPage = statsRows(page).map((r) => r[2]!)
    expect(onPage.length).toBeGreaterThan(0)
    const exported = new Set(stats.map((s) => s.n_respondents))
    expect(onPage.filter((n) => !exported.has(n))).toEqual([])
  })

  it('has score exports with no column by setting, and change rows whose n is its total', async () => {
    const scores = await csv('/programmes/east/exports/scores.csv?wave=second')
    expect(Object.keys(scores[0]!)).not.toContain('setting')
    const change = await csv('/programmes/east/exports/change.csv?from=first&to=second')
    expect(Object.keys(change[0]!)).not.toContain('setting')
    for (const row of change.filter((r) => r.practice_code === 'E1')) expect(row.withheld === 'true' || (row.n_from === '3' && row.n_to === '3')).toBe(true)
    expect(Object.keys((await csv('/programmes/east/exports/scale-stats.csv?wave=second'))[0]!)).not.toContain('setting')
  })
})
