// The comparison where the earlier wave was answered in another version of a questionnaire: the change in overall score
// compares the two waves on the statements both versions ask (as the scorecard's change per scale does), and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Wave } from '../../../server/domain/wave.js'
import type { Questionnaire } from '../../../server/questionnaires/definition-schema.js'
import { commonItemsDefinition, overallScores, scoreWave } from '../../../server/scoring/index.js'
import type { HttpClient, Page } from '../../support/http-client.js'
import { addFixtureResponse, seedExportFixture, type FixtureResponse } from '../../support/export-fixture.js'
import { staffClient } from '../../support/report-expectations.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient
beforeAll(async () => {
  ls = await testLinkscore()
  await seedExportFixture(ls, { sixMonthsVersion: 2 })
  await addFixtureResponse(ls, ONLY_VERSION_2, 'only-version-2', 2)
  client = await staffClient(ls, ls.app, 'eva@example.org', 'evaluator', { programmes: ['north'] })
})
afterAll(() => ls.close())

const BREAK =
  'Pilot changed from version 1 to version 2 between Baseline and Six months: the change compares only the 3 statements both versions ask; 2 are left out: “Colleagues show me how social prescribing works” and “I get regular supervision”.'

/** A six-months response in N1 whose training answer is to the statement only version 2 asks, and a low one. */
const ONLY_VERSION_2: FixtureResponse = {
  practice: 'N1',
  wave: 'six-months',
  role: 'gp',
  setting: 'general_practice',
  answers: { p_leaders: '5', p_training_peers: '1' },
  submitted: true,
}

/** The row's cells under the table's headings. */
function rowOf(page: Page, practice: string): Record<string, string> {
  const headings = page
    .$('table.ls-compare-table thead tr')
    .last()
    .find('th')
    .toArray()
    .map((th) => page.$(th).text().replace(/[▲▼]/g, '').trim())
  const row = page
    .$('table.ls-compare-table tbody tr')
    .toArray()
    .find((tr) => page.$(tr).find('th').text().includes(practice))!
  const cells = page.$(row).find('th, td').toArray()
  return Object.fromEntries(headings.map((h, i) => [h, page.$(cells[i]).text().trim()]))
}

/** N1's overall pilot score at a wave scored with `definition`, unrounded. */
async function overallOf(wave: Wave, definition: Questionnaire): Promise<number> {
  const programme = (await ls.repos.programmes.findBySlug('north'))!
  const scores = scoreWave({
    wave: wave.slug,
    questionnaire: definition,
    respondents: await ls.repos.scoring.respondents(wave.id, 'pilot'),
    options: { weighting: 'respondents', minPracticeN: programme.minPracticeN, minBreakdownN: programme.minBreakdownN },
  })
  const n1 = overallScores(scores, definition.scoring?.bands ?? []).find((o) => o.practiceCode === 'N1')!
  if (n1.withheld) throw new Error('N1 is withheld')
  return n1.score
}

describe('a comparison whose change spans two questionnaire versions', () => {
  it('gives the change in overall score on the statements both versions ask, and says which it leaves out', async () => {
    const programme = (await ls.repos.programmes.findBySlug('north'))!
    const [baseline, sixMonths] = await ls.repos.waves.listByProgramme(programme.id)
    const [v1, v2] = [await ls.services.scoring.definition(baseline!, 'pilot'), await ls.services.scoring.definition(sixMonths!, 'pilot')]
    expect([v1.version, v2.version]).toEqual([1, 2])
    const common = (await overallOf(sixMonths!, commonItemsDefinition(v2, v1))) - (await overallOf(baseline!, commonItemsDefinition(v1, v2)))
    const whole = (await overallOf(sixMonths!, v2)) - (await overallOf(baseline!, v1))
    // The fixture's left-out statements move the whole scores apart: the two ways give different changes.
    expect(Math.round(common)).not.toBe(Math.round(whole))

    const page = await client.get('/programmes/north/compare?wave=six-months')
    expect(page.status).toBe(200)
    const n1 = rowOf(page, 'N1')
    const sign = common > 0 ? '+' : ''
    expect(n1['Change since Baseline']).toMatch(new RegExp(`^\\${sign}${Math.round(common)},`))
    expect(
      page
        .$('.ls-version-break')
        .toArray()
        .map((p) => page.$(p).text()),
    ).toEqual([BREAK])
  })

  it('says nothing of versions when both waves were answered in the same one', async () => {
    const same = await testLinkscore()
    try {
      await seedExportFixture(same)
      const eva = await staffClient(same, same.app, 'eva@example.org', 'evaluator', { programmes: ['north'] })
      const page = await eva.get('/programmes/north/compare?wave=six-months')
      expect(page.$('td, th').text()).toContain('since Baseline')
      expect(page.$('.ls-version-break')).toHaveLength(0)
    } finally {
      await same.close()
    }
  })
})
