// `export item-stats` on the demo: its alphas are the scale-stats export's (every demo practice is shown, so both
// are over every respondent), each scale is followed by its items, and a setting filter keeps that setting's respondents.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { ITEM_STATS_COLUMNS } from '../../server/exports/item-stats-rows.js'
import { runCli } from '../support/run-cli.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
const env = () => ({ ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: REAL_QUESTIONNAIRES })
type Row = Record<string, string>
const csv = (text: string): Row[] => parse(text, { columns: true })

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedDemo(ls.repos, ls.services)
})
afterAll(() => ls?.close())

async function exported(...args: string[]): Promise<Row[]> {
  const result = await runCli(['export', ...args], env())
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return csv(result.stdout)
}

describe('linkscore export item-stats', () => {
  it('gives every scale the alpha of the scale-stats export, then its items', async () => {
    const [items, stats] = [await exported('item-stats', '--wave', 'six-months'), await exported('scale-stats', '--wave', 'six-months')]
    expect(Object.keys(items[0]!)).toEqual([...ITEM_STATS_COLUMNS])
    const scales = items.filter((r) => r.row_type === 'scale')
    expect(scales.map((r) => `${r.questionnaire} ${r.scale}`)).toEqual(stats.map((r) => `${r.questionnaire} ${r.scale}`))
    let compared = 0
    for (const s of scales) {
      const other = stats.find((r) => r.questionnaire === s.questionnaire && r.scale === s.scale)!
      expect(s.n_complete, s.scale).toBe(other.alpha_n)
      if (other.alpha === '') continue
      expect(Number(s.alpha), s.scale).toBeCloseTo(Number(other.alpha), 12)
      expect(Number(s.alpha_ci_low)).toBeLessThan(Number(s.alpha))
      expect(Number(s.alpha_ci_high)).toBeGreaterThan(Number(s.alpha))
      compared++
    }
    expect(compared).toBeGreaterThan(5)
    // Each scale row is followed by one row per item of it, with the scale's n.
    const coherence = items.findIndex((r) => r.row_type === 'scale' && r.questionnaire === 'normalisation' && r.scale === 'coherence')
    const following = items.slice(coherence + 1, coherence + 1 + Number(items[coherence]!.items))
    expect(following.map((r) => [r.row_type, r.scale, r.n_complete])).toEqual(following.map(() => ['item', 'coherence', items[coherence]!.n_complete]))
    expect(following.every((r) => r.item_rest !== '' && r.alpha_if_dropped !== '' && r.mean !== '')).toBe(true)
  })

  it('keeps one setting’s respondents with --setting', async () => {
    const all = await exported('item-stats', '--wave', 'six-months')
    const gp = await exported('item-stats', '--wave', 'six-months', '--setting', 'general_practice')
    expect(new Set(gp.map((r) => r.setting))).toEqual(new Set(['general_practice']))
    const shown = (rows: Row[]) => Number(rows.find((r) => r.row_type === 'item' && r.item === 'npt_coh_differentiation')!.n_shown)
    const respondents = await ls.repos.scoring.respondents((await ls.services.admin.wave('demo', 'six-months')).id, 'normalisation')
    expect(shown(gp)).toBe(respondents.filter((r) => r.setting === 'general_practice').length)
    expect(shown(all)).toBe(respondents.length)
    expect(shown(gp)).toBeLessThan(shown(all))
  })

  it('names the option when the setting is not one of ours', async () => {
    const result = await runCli(['export', 'item-stats', '--wave', 'six-months', '--setting', 'hospital'], env())
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('--setting')
    expect(result.stdout).toBe('')
  })
})
