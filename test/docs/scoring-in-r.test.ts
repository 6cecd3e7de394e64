// docs/scoring.md promises that an evaluator can reproduce every figure in R from the exports.
// This runs the R code printed there against the demo data and compares it with `export scores` and `export scale-stats`.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { seededRandom } from '../../server/demo/seeded-random.js'
import { syntheticPages } from '../../server/demo/synthetic-answers.js'
import { sectionPageKey } from '../../server/survey/journey-pages.js'
import { rscriptFound } from '../support/rscript.js'
import { runCli } from '../support/run-cli.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const R_CODE = [...readFileSync('docs/scoring.md', 'utf8').matchAll(/```r\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n')

const COMPARE = `
ours <- subset(read.csv("scores.csv"), questionnaire == questionnaire_id)
m <- merge(scores, ours, by = c("practice_code", "scale"), suffixes = c(".r", ".ts"))
st <- subset(read.csv("scale-stats.csv"), questionnaire == questionnaire_id)
ms <- merge(scale_stats, st, by = "scale", suffixes = c(".r", ".ts"))
gap <- function(d, col) { x <- as.numeric(d[[paste0(col, ".r")]]); y <- as.numeric(d[[paste0(col, ".ts")]])
  if (any(is.na(x) != is.na(y))) return(Inf); if (all(is.na(x))) 0 else max(abs(x - y), na.rm = TRUE) }
cat(sprintf("rows %d %d %d\\n", nrow(m), nrow(scores), nrow(ours)))
cat(sprintf("withheld %d %d\\n", sum(as.logical(m$withheld.r) != as.logical(m$withheld.ts)), sum(as.logical(m$withheld.ts))))
for (col in c("n", "mean", "score", "sd", "ci_low", "ci_high", "rwg", "rank")) cat(sprintf("scores %s %.17g\\n", col, gap(m, col)))
for (col in c("n_practices", "n_respondents", "icc1", "icc2", "alpha", "alpha_n", "median", "best", "worst")) cat(sprintf("stats %s %.17g\\n", col, gap(ms, col)))
cat(sprintf("printed %d %d %d %d\\n", sum(!is.na(ms$icc1.ts)), sum(!is.na(ms$alpha.ts)), sum(!is.na(m$ci_low.ts)), sum(m$ci_note %in% "clipped")))
`

const COMPARE_CHANGE = `
ch <- change_between("baseline", "six-months")
ours <- subset(read.csv("change.csv"), questionnaire == questionnaire_id)
m <- merge(ch, ours, by = c("practice_code", "scale"), suffixes = c(".r", ".ts"))
gap <- function(d, col) { x <- as.numeric(d[[paste0(col, ".r")]]); y <- as.numeric(d[[paste0(col, ".ts")]])
  if (any(is.na(x) != is.na(y))) return(Inf); if (all(is.na(x))) 0 else max(abs(x - y), na.rm = TRUE) }
cat(sprintf("rows %d %d %d\\n", nrow(m), nrow(ch), nrow(ours)))
cat(sprintf("withheld %d %d\\n", sum(as.logical(m$withheld.r) != as.logical(m$withheld.ts)), sum(!as.logical(m$withheld.ts))))
cat(sprintf("tested %d\\n", sum(!is.na(m$p_value.ts))))
for (col in c("n_from", "n_to", "difference", "p_value")) cat(sprintf("change %s %.17g\\n", col, gap(m, col)))
`

let ls: TestLinkscore
const env = () => ({ ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: REAL_QUESTIONNAIRES })

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedDemo(ls.repos, ls.services)
  await addPractice(ls, 'DEMO04', 'Small practice', ['general_practice', 'link_worker'], 7)
  // Two more practices shown, so five practices carry the ICC and it is printed (docs/scoring.md, step 10). Everyone in
  // them works in general practice: a setting-balanced mean can tie another practice's but for a rounding, and R ranks
  // without the tie tolerance.
  await addPractice(ls, 'DEMO05', 'Fifth practice', ['general_practice', 'general_practice', 'general_practice', 'general_practice'], 8)
  await addPractice(ls, 'DEMO06', 'Sixth practice', ['general_practice', 'general_practice', 'general_practice', 'general_practice'], 9)
})
afterAll(() => ls?.close())

/** A practice with a response from each of `settings`: with two, the comparison covers withheld rows. */
async function addPractice(ls: TestLinkscore, code: string, name: string, settings: readonly ('general_practice' | 'link_worker')[], seed: number): Promise<void> {
  const practice = await ls.services.admin.addPractice({ programme: 'demo', code, name })
  const wave = (await ls.repos.waves.findBySlug((await ls.repos.programmes.findBySlug('demo'))!.id, 'six-months'))!
  // Each its own seed: practices with the same answers would tie, and R ranks without the tie tolerance.
  const random = seededRandom(seed)
  for (const [n, setting] of settings.entries()) {
    const at = '2026-07-20T10:00:00.000Z'
    const r = await ls.repos.responses.create({ invitationId: null, practiceId: practice.id, waveId: wave.id, resumeToken: `${code}-${n}`.padEnd(24, 'x'), source: 'synthetic', role: setting === 'link_worker' ? 'link_worker' : 'gp', setting, at })
    for (const id of wave.questionnaireIds) {
      const q = ls.services.catalogue.get(id)
      for (const page of syntheticPages(q, setting, { base: 3, spread: 0.5, byScale: {} }, random)) {
        await ls.repos.responses.savePage({ responseId: r.id, pageKey: sectionPageKey(id, page.sectionId), questionnaireId: id, questionnaireVersion: q.version, itemIds: page.itemIds, answers: page.answers, complete: true, at })
      }
    }
    await ls.repos.responses.submit(r.id, at)
  }
}

describe.skipIf(!rscriptFound)('the R code in docs/scoring.md', () => {
  it.each([
    { questionnaire: 'normalisation', weighting: 'respondents' },
    { questionnaire: 'good-practice', weighting: 'respondents' },
    { questionnaire: 'good-practice', weighting: 'settings' },
  ])('reproduces every $questionnaire figure ($weighting weighting) to 1e-9', async ({ questionnaire, weighting }) => {
    const dir = ls.folder
    const exportTo = async (file: string, ...args: string[]) => {
      const result = await runCli(['export', ...args], env())
      expect(result.stderr).toBe('')
      writeFileSync(join(dir, file), result.stdout)
    }
    await exportTo('answers.csv', 'answers', '--wave', 'six-months')
    await exportTo('codebook.csv', 'codebook')
    await exportTo('scores.csv', 'scores', '--wave', 'six-months', '--weighting', weighting)
    await exportTo('scale-stats.csv', 'scale-stats', '--wave', 'six-months', '--weighting', weighting)
    const script = R_CODE
      .replace(/questionnaire_id <- "[^"]*"/, `questionnaire_id <- "${questionnaire}"`)
      .replace(/wave_id +<- "[^"]*"/, 'wave_id <- "six-months"')
      .replace(/weighting +<- "[^"]*"/, `weighting <- "${weighting}"`)
    writeFileSync(join(dir, 'check.R'), script + COMPARE)
    const out = execFileSync('Rscript', ['check.R'], { cwd: dir, encoding: 'utf8' })
    const words = out.trim().split('\n').map((line) => line.split(' '))
    const numbers = (kind: string) => words.find((w) => w[0] === kind)!.slice(1).map(Number)
    const [merged, rRows, exportRows] = numbers('rows')
    expect(merged).toBe(rRows)
    expect(merged).toBe(exportRows)
    const [disagreements, withheldRows] = numbers('withheld')
    expect(disagreements).toBe(0)
    expect(withheldRows).toBeGreaterThan(0)
    const gaps = words.filter((w) => w[0] === 'scores' || w[0] === 'stats')
    expect(gaps).toHaveLength(17)
    // The rules of step 10 leave figures to compare: ICCs, alphas and intervals printed, some of them clipped.
    const [icc, alpha, ci] = numbers('printed')
    expect({ icc, alpha, ci }).toEqual({ icc: expect.any(Number), alpha: expect.any(Number), ci: expect.any(Number) })
    expect(Math.min(icc!, alpha!, ci!)).toBeGreaterThan(0)
    for (const [kind, column, gap] of gaps) expect(Number(gap), `${kind} ${column}`).toBeLessThan(1e-9)
  })

  it.each(['normalisation', 'good-practice'])('reproduces every %s change between the demo’s waves (n, difference, Welch p) to 1e-9', async (questionnaire) => {
    const dir = ls.folder
    const run = async (...args: string[]) => {
      const result = await runCli(['export', ...args], env())
      expect(result.stderr).toBe('')
      return result.stdout
    }
    // Both waves' answers in one file, as the R code reads them: the second file's rows under the first's header.
    const [first, second] = [await run('answers', '--wave', 'baseline'), await run('answers', '--wave', 'six-months')]
    writeFileSync(join(dir, 'answers.csv'), first + second.slice(second.indexOf('\n') + 1))
    writeFileSync(join(dir, 'codebook.csv'), await run('codebook'))
    writeFileSync(join(dir, 'change.csv'), await run('change', '--from', 'baseline', '--to', 'six-months'))
    const script = R_CODE.replace(/questionnaire_id <- "[^"]*"/, `questionnaire_id <- "${questionnaire}"`).replace(/wave_id +<- "[^"]*"/, 'wave_id <- "six-months"')
    writeFileSync(join(dir, 'change.R'), script + COMPARE_CHANGE)
    const out = execFileSync('Rscript', ['change.R'], { cwd: dir, encoding: 'utf8' })
    const words = out.trim().split('\n').map((line) => line.split(' '))
    const numbers = (kind: string) => words.find((w) => w[0] === kind)!.slice(1).map(Number)
    const [merged, rRows, exportRows] = numbers('rows')
    expect(merged).toBe(rRows)
    expect(merged).toBe(exportRows)
    const [disagreements, shownRows] = numbers('withheld')
    expect(disagreements).toBe(0)
    expect(shownRows).toBeGreaterThan(0)
    expect(numbers('tested')[0]).toBeGreaterThan(0)
    const gaps = words.filter((w) => w[0] === 'change')
    expect(gaps).toHaveLength(4)
    for (const [, column, gap] of gaps) expect(Number(gap), column).toBeLessThan(1e-9)
  })
})
