// The three score exports on a small data set computed by hand (docs/scoring.md gives the method).
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'
import { FIXTURE_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
let env: Record<string, string>
const AT = '2026-03-01T09:00:00.000Z'

async function addResponse(practiceId: number, waveId: number, values: Record<string, string>, n: number) {
  const r = await ls.repos.responses.create({
    invitationId: null,
    practiceId,
    waveId,
    resumeToken: `token-${waveId}-${practiceId}-${n}`.padEnd(24, 'x'),
    source: 'synthetic',
    role: 'gp',
    setting: 'general_practice',
    at: AT,
  })
  await ls.repos.responses.savePage({
    responseId: r.id,
    pageKey: 'all',
    questionnaireId: 'pilot',
    questionnaireVersion: 1,
    itemIds: Object.keys(values),
    answers: Object.entries(values).map(([itemId, value]) => ({ itemId, value })),
    complete: true,
    at: AT,
  })
  await ls.repos.responses.submit(r.id, AT)
}

beforeAll(async () => {
  ls = await testLinkscore()
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North' })
  const p1 = await admin.addPractice({
    programme: 'north',
    code: 'P1',
    name: 'One',
    listSize: 6400,
    deprivationQuintile: 1,
    rurality: 'urban',
    spModel: 'PCN link workers',
  })
  const p2 = await admin.addPractice({ programme: 'north', code: 'P2', name: 'Two' })
  const w1 = await admin.addWave({ programme: 'north', slug: 'w1', title: 'W1', questionnaires: ['pilot'], open: true })
  const w2 = await admin.addWave({ programme: 'north', slug: 'w2', title: 'W2', questionnaires: ['pilot'], open: true })
  await ls.repos.practices.setStage(p1.id, w1.id, 'piloting')
  await ls.repos.practices.setStage(p1.id, w2.id, 'embedding')
  // P1: three GPs. p_training_lacking is reversed (x → 6 − x).
  await addResponse(p1.id, w1.id, { p_leaders: '4', p_training_gp: '5', p_training_lacking: '2', p_confidence: '8' }, 1)
  await addResponse(p1.id, w1.id, { p_leaders: '2', p_training_gp: '3', p_confidence: '6' }, 2)
  await addResponse(p1.id, w1.id, { p_leaders: '3', p_training_gp: '4', p_training_lacking: '4' }, 3)
  // P2: two GPs, below the minimum of 3: withheld everywhere.
  await addResponse(p2.id, w1.id, { p_leaders: '5', p_training_gp: '5', p_training_lacking: '1' }, 4)
  await addResponse(p2.id, w1.id, { p_leaders: '5', p_training_gp: '5', p_training_lacking: '1' }, 5)
  // Wave 2, P1: leadership 5, 4, 3.
  for (const [n, v] of ['5', '4', '3'].entries()) await addResponse(p1.id, w2.id, { p_leaders: v, p_training_gp: '4' }, 10 + n)
  env = { ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES }
})
afterAll(() => ls.close())

const csv = async (...args: string[]) => {
  const result = await runCli(args, env)
  expect(result.stderr).toBe('')
  return parse(result.stdout, { columns: true }) as Record<string, string>[]
}
const num = (s: string | undefined) => Number(s)
const T_975_DF2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025) // closed form of the t quantile for 2 degrees of freedom

describe('export scores', () => {
  it('has the documented columns, one row per practice × scale', async () => {
    const rows = await csv('export', 'scores', '--wave', 'w1')
    expect(Object.keys(rows[0]!)).toEqual([
      'practice_code',
      'wave',
      'questionnaire',
      'level',
      'scale',
      'n',
      'mean',
      'score',
      'sd',
      'ci_low',
      'ci_high',
      'rwg',
      'band',
      'rank',
      'withheld',
      'ci_note',
      'practice_list_size',
      'practice_deprivation_quintile',
      'practice_rurality',
      'practice_sp_model',
      'practice_stage',
    ])
    const context = (r: Record<string, string>) =>
      [r.practice_list_size, r.practice_deprivation_quintile, r.practice_rurality, r.practice_sp_model, r.practice_stage].join('|')
    expect(rows.map(context)).toEqual([...Array(3).fill('6400|1|urban|PCN link workers|piloting'), ...Array(3).fill('||||')])
    expect(rows.map((r) => `${r.practice_code} ${r.level} ${r.scale}`)).toEqual([
      'P1 dimension organisational',
      'P1 element organisational/leadership',
      'P1 element organisational/training',
      'P2 dimension organisational',
      'P2 element organisational/leadership',
      'P2 element organisational/training',
    ])
  })

  it('computes leadership for P1 exactly: mean 3, sd 1, rwg 0.5, and a CI too wide to print', async () => {
    const row = (await csv('export', 'scores', '--wave', 'w1')).find((r) => r.practice_code === 'P1' && r.scale === 'organisational/leadership')!
    expect(row).toMatchObject({ n: '3', mean: '3', score: '50', sd: '1', band: 'Poor practice', rank: '1', withheld: 'false' })
    // 3 ± t(0.975, 2)/√3 = 0.52 to 5.48: wider than the whole 1–5 scale, so the cells are empty and say why.
    expect(2 * (T_975_DF2 / Math.sqrt(3))).toBeGreaterThan(4)
    expect(row).toMatchObject({ ci_low: '', ci_high: '', ci_note: 'wider_than_scale' })
    // One item, variance of 4, 2, 3 = 1; rwg = 1·(1 − 1/2) / (1·(1 − 1/2) + 1/2) = 0.5
    expect(num(row.rwg)).toBeCloseTo(0.5, 9)
  })

  it('computes training for P1 exactly, with the reversed item and a missing answer', async () => {
    const row = (await csv('export', 'scores', '--wave', 'w1')).find((r) => r.practice_code === 'P1' && r.scale === 'organisational/training')!
    // Respondent scores: (5 + 4) / 2 = 4.5; 3 / 1 = 3; (4 + 2) / 2 = 3 → mean 3.5, sd √0.75
    expect(num(row.mean)).toBeCloseTo(3.5, 9)
    expect(num(row.score)).toBeCloseTo(62.5, 9)
    expect(num(row.sd)).toBeCloseTo(Math.sqrt(0.75), 9)
    // CI 3.5 ± t(0.975, 2)·√0.75/√3 = 3.5 ± 2.15, 1.35 to 5.65: 4.3 wide, more than the 1–5 scale, so not printed.
    expect(row).toMatchObject({ ci_low: '', ci_high: '', ci_note: 'wider_than_scale' })
    // Item variances: training_gp 5, 3, 4 → 1; lacking reversed 4, 2 → 2; s̄² = 1.5, J = 2: 2·0.25 / (2·0.25 + 0.75) = 0.4
    expect(num(row.rwg)).toBeCloseTo(0.4, 9)
  })

  it('computes the dimension from every item shown: (13/3 + 5/2 + 3) / 3', async () => {
    const row = (await csv('export', 'scores', '--wave', 'w1')).find((r) => r.practice_code === 'P1' && r.scale === 'organisational')!
    expect(num(row.mean)).toBeCloseTo((13 / 3 + 2.5 + 3) / 3, 9)
  })

  it('withholds every figure of a practice below the minimum', async () => {
    const rows = (await csv('export', 'scores', '--wave', 'w1')).filter((r) => r.practice_code === 'P2')
    expect(rows).toHaveLength(3)
    for (const r of rows)
      expect(r).toMatchObject({ n: '', mean: '', score: '', sd: '', ci_low: '', ci_high: '', rwg: '', band: '', rank: '', withheld: 'true' })
  })
})

describe('export scale-stats', () => {
  it('leaves the withheld practice out of programme figures, and ICC undefined with one practice', async () => {
    const rows = await csv('export', 'scale-stats', '--wave', 'w1')
    expect(Object.keys(rows[0]!)).toEqual([
      'questionnaire',
      'level',
      'scale',
      'n_practices',
      'n_respondents',
      'icc1',
      'icc2',
      'alpha',
      'alpha_n',
      'median',
      'best',
      'worst',
      'icc1_note',
      'icc2_note',
      'alpha_note',
    ])
    expect(rows.find((r) => r.scale === 'organisational/leadership')).toMatchObject({
      n_practices: '1',
      n_respondents: '3',
      icc1: '',
      icc2: '',
      alpha: '',
      median: '50',
      best: '50',
      worst: '50',
      icc1_note: 'too_few_practices',
      icc2_note: 'too_few_practices',
      alpha_note: 'too_few_items',
    })
    // Two items, but no respondent answered both: too few complete respondents, and the reason says so.
    expect(rows.find((r) => r.scale === 'organisational/training')).toMatchObject({ alpha: '', alpha_n: '0', alpha_note: 'too_few_respondents' })
  })
})

describe('export change', () => {
  it("gives the difference and Welch's p-value for P1, and withholds P2", async () => {
    const rows = await csv('export', 'change', '--from', 'w1', '--to', 'w2')
    const leadership = rows.find((r) => r.practice_code === 'P1' && r.scale === 'organisational/leadership')!
    expect(leadership).toMatchObject({ mean_from: '3', mean_to: '4', difference: '1', changed: 'false', withheld: 'false' })
    // The practice's context, with its stage at both waves.
    expect(Object.keys(leadership).slice(-6)).toEqual([
      'practice_list_size',
      'practice_deprivation_quintile',
      'practice_rurality',
      'practice_sp_model',
      'practice_stage_from',
      'practice_stage_to',
    ])
    expect(leadership).toMatchObject({
      practice_list_size: '6400',
      practice_rurality: 'urban',
      practice_stage_from: 'piloting',
      practice_stage_to: 'embedding',
    })
    // t = 1 / √(1/3 + 1/3), df = 4; for 4 df the two-sided p is 1 − 1.5x + 0.5x³ with x = t / √(4 + t²)
    const t = 1 / Math.sqrt(2 / 3)
    const x = t / Math.sqrt(4 + t * t)
    expect(num(leadership.p_value)).toBeCloseTo(1 - 1.5 * x + 0.5 * x ** 3, 9)
    for (const r of rows.filter((r) => r.practice_code === 'P2'))
      expect(r).toMatchObject({ mean_from: '', mean_to: '', difference: '', p_value: '', withheld: 'true' })
  })

  it('refuses the same wave twice', async () => {
    expect((await runCli(['export', 'change', '--from', 'w1', '--to', 'w1'], env)).stderr).toBe('linkscore: --from and --to name the same wave\n')
  })
})
