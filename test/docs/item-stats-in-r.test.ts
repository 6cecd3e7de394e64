// docs/scoring.md promises that the item-stats export can be reproduced in base R. This runs the R code printed there
// (the scoring code, then the item-statistics block) on the demo and on a fixture with an item worded the other way
// round but not marked reversed, and compares every figure with `export item-stats`.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { rscriptFound } from '../support/rscript.js'
import { runCli } from '../support/run-cli.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const DOC = readFileSync('docs/scoring.md', 'utf8')
const SCORING_R = [...DOC.matchAll(/```r\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n')
const ITEM_STATS_R = [...DOC.matchAll(/```r item-stats\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n')
const FIXTURE = 'test/fixtures/item-analysis'

const FIGURES = [
  'n_complete',
  'alpha',
  'alpha_ci_low',
  'alpha_ci_high',
  'omega',
  'mean_r',
  'item_rest',
  'alpha_if_dropped',
  'n_shown',
  'n_answered',
  'mean',
  'sd',
  'floor',
  'ceiling',
  'nr_role',
  'nr_stage',
  'nr_intervention',
  'not_relevant',
  'missing',
]

const COMPARE = `
ours <- subset(read.csv("item-stats.csv", colClasses = c(item = "character")), questionnaire == questionnaire_id)
m <- merge(item_stats, ours, by = c("row_type", "scale", "item"), suffixes = c(".r", ".ts"))
gap <- function(d, col) { x <- as.numeric(d[[paste0(col, ".r")]]); y <- as.numeric(d[[paste0(col, ".ts")]])
  if (any(is.na(x) != is.na(y))) return(Inf); if (all(is.na(x))) 0 else max(abs(x - y), na.rm = TRUE) }
cat(sprintf("rows %d %d %d\\n", nrow(m), nrow(item_stats), nrow(ours)))
for (col in c(${FIGURES.map((f) => `"${f}"`).join(', ')})) cat(sprintf("gap %s %.17g\\n", col, gap(m, col)))
cat(sprintf("printed %d %d %d\\n", sum(!is.na(ours$alpha)), sum(!is.na(ours$omega)), sum(!is.na(ours$item_rest))))
fa_gap <- 0
for (scale in scales) {
  o <- ours$omega[ours$row_type == "scale" & ours$scale == scale]
  if (length(o) != 1 || is.na(o)) next
  its <- in_scale(scale); if (setting_id != "all") its <- its[shown_to(its, setting_id)]
  M <- Xk[, its, drop = FALSE]; M <- M[complete.cases(M), , drop = FALSE]
  f <- factanal(covmat = cor(M), factors = 1, n.obs = nrow(M))
  fa_gap <- max(fa_gap, abs(omega_of(list(loadings = f$loadings[, 1], uniquenesses = f$uniquenesses)) - o))
}
cat(sprintf("factanal %.17g\\n", fa_gap))
`

interface Case {
  ls: TestLinkscore
  questionnaires: string
}

/** Exports the wave's answers, the codebook and item-stats, runs the R code and returns what it printed, by line kind. */
async function runR({ ls, questionnaires }: Case, questionnaire: string, wave: string, setting?: string) {
  const env = { ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: questionnaires }
  const exportTo = async (file: string, ...args: string[]) => {
    const result = await runCli(['export', ...args], env)
    expect(result.stderr).toBe('')
    writeFileSync(join(ls.folder, file), result.stdout)
    return result.stdout
  }
  await exportTo('answers.csv', 'answers', '--wave', wave)
  await exportTo('codebook.csv', 'codebook')
  const exported = await exportTo('item-stats.csv', 'item-stats', '--wave', wave, ...(setting ? ['--setting', setting] : []))
  const script = [
    SCORING_R.replace(/questionnaire_id <- "[^"]*"/, `questionnaire_id <- "${questionnaire}"`).replace(/wave_id +<- "[^"]*"/, `wave_id <- "${wave}"`),
    ITEM_STATS_R.replace(/setting_id <- "[^"]*"/, `setting_id <- "${setting ?? 'all'}"`),
    COMPARE,
  ].join('\n')
  writeFileSync(join(ls.folder, 'item-stats.R'), script)
  const out = execFileSync('Rscript', ['item-stats.R'], { cwd: ls.folder, encoding: 'utf8' })
  const words = out.trim().split('\n').map((line) => line.split(' '))
  return {
    numbers: (kind: string) => words.find((w) => w[0] === kind)!.slice(1).map(Number),
    gaps: words.filter((w) => w[0] === 'gap').map(([, column, gap]) => [column!, Number(gap)] as const),
    rows: parse(exported, { columns: true }) as Record<string, string>[],
  }
}

function expectAgreement(r: Awaited<ReturnType<typeof runR>>) {
  const [merged, rRows, exportRows] = r.numbers('rows')
  expect(merged).toBe(rRows)
  expect(merged).toBe(exportRows)
  expect(r.gaps.map(([column]) => column)).toEqual(FIGURES)
  for (const [column, gap] of r.gaps) expect(gap, column).toBeLessThan(1e-9)
  // factanal's own optimiser stops at its default tolerance: ω agrees with it to about 1e-6.
  expect(r.numbers('factanal')[0]).toBeLessThan(1e-4)
}

let demo: Case
let fixture: Case

beforeAll(async () => {
  demo = { ls: await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES }), questionnaires: REAL_QUESTIONNAIRES }
  await seedDemo(demo.ls.repos, demo.ls.services)
  fixture = { ls: await testLinkscore({ questionnaires: FIXTURE }), questionnaires: FIXTURE }
  await seedFixture(fixture.ls)
})
afterAll(async () => {
  await demo?.ls.close()
  await fixture?.ls.close()
})

/**
 * Twelve general-practice staff: three items follow each person's view, the fourth, worded the other way round, is
 * answered the other way (6 − view, a step off for two of them). Two choose "not relevant" for rev_purpose.
 */
async function seedFixture(ls: TestLinkscore) {
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North' })
  const practice = await admin.addPractice({ programme: 'north', code: 'P1', name: 'One' })
  const wave = await admin.addWave({ programme: 'north', slug: 'w1', title: 'W1', questionnaires: ['reversal'], open: true })
  const views = [1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 2]
  const at = '2026-03-01T09:00:00.000Z'
  for (const [n, view] of views.entries()) {
    const r = await ls.repos.responses.create({ invitationId: null, practiceId: practice.id, waveId: wave.id, resumeToken: `fixture-${n}`.padEnd(24, 'x'), source: 'synthetic', role: 'gp', setting: 'general_practice', at })
    const step = (d: number) => String(Math.min(5, Math.max(1, view + d)))
    const values = { rev_clear: step(0), rev_purpose: n >= 10 ? 'nr_role' : step(n % 3 === 0 ? 1 : 0), rev_explain: step(n % 4 === 1 ? -1 : 0), rev_hard_to_explain: String(6 - view + (n % 5 === 2 ? 1 : 0)).replace('6', '5') }
    await ls.repos.responses.savePage({ responseId: r.id, pageKey: 'all', questionnaireId: 'reversal', questionnaireVersion: 1, itemIds: Object.keys(values), answers: Object.entries(values).map(([itemId, value]) => ({ itemId, value })), complete: true, at })
    await ls.repos.responses.submit(r.id, at)
  }
}

describe.skipIf(!rscriptFound)('the item-statistics R code in docs/scoring.md', () => {
  it.each([
    { questionnaire: 'normalisation', setting: undefined },
    // Good practice asks each setting its own items: only one setting's respondents have complete cases, and the demo
    // has fewer than 10 link workers or community respondents.
    { questionnaire: 'good-practice', setting: 'general_practice' },
    { questionnaire: 'normalisation', setting: 'general_practice' },
  ])('reproduces every $questionnaire figure of the demo (setting $setting) to 1e-9', async ({ questionnaire, setting }) => {
    const r = await runR(demo, questionnaire, 'six-months', setting)
    expectAgreement(r)
    const [alpha, omega, itemRest] = r.numbers('printed')
    expect(Math.min(alpha!, omega!, itemRest!)).toBeGreaterThan(0)
  })

  it('reproduces the fixture and flags its reversed-but-unmarked item with a negative item–rest correlation', async () => {
    const r = await runR(fixture, 'reversal', 'w1')
    expectAgreement(r)
    const item = (id: string) => r.rows.find((row) => row.row_type === 'item' && row.item === id)!
    const reversed = item('rev_hard_to_explain')
    expect(Number(reversed.item_rest)).toBeLessThan(0)
    expect(reversed.flags).toBe('low_item_rest')
    expect(Number(reversed.alpha_if_dropped)).toBeGreaterThan(Number(r.rows.find((row) => row.row_type === 'scale')!.alpha))
    for (const id of ['rev_clear', 'rev_purpose', 'rev_explain']) expect(item(id).flags, id).toBe('')
    expect(Number(item('rev_purpose').nr_role)).toBeCloseTo(2 / 12, 15)
  })
})
