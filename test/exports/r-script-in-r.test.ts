// Runs the generated R script in R on real exports: labels, types, "not relevant" both ways, and every column of the
// demo programme's wide file. Skipped, saying so, where Rscript is not installed (failed on CI).
import { parse } from 'csv-parse/sync'
import { spawnSync } from 'node:child_process'
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { writeTable } from '../../server/exports/csv.js'
import { exportFileName } from '../../server/exports/export-kinds.js'
import { allItems } from '../../server/questionnaires/questionnaire-model.js'
import { seedExportFixture } from '../support/export-fixture.js'
import { rscriptFound } from '../support/rscript.js'
import { runCli } from '../support/run-cli.js'
import { FIXTURE_QUESTIONNAIRES, REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

// Prints `key<TAB>values joined by |` for the test to read; newlines in values are shown as \n.
const OUT = 'out <- function(key, value) cat(key, "\\t", gsub("\\n", "\\\\n", paste(value, collapse = "|"), fixed = TRUE), "\\n", sep = "")\n'

async function exportTo(
  ls: TestLinkscore,
  folder: string,
  programme: string,
  kind: Parameters<typeof exportFileName>[1],
  waves: { wave?: string; from?: string },
  ...args: string[]
) {
  const result = await runCli(['export', kind, ...args], { ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: ls.config.questionnairesFolder })
  expect(result.stderr).toBe('')
  writeFileSync(join(folder, exportFileName(programme, kind, waves)), result.stdout)
}

function runR(folder: string, code: string): { values: Map<string, string>; stderr: string } {
  writeFileSync(join(folder, 'check.R'), OUT + code)
  const result = spawnSync('Rscript', ['check.R'], { cwd: folder, encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  const values = new Map(
    result.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]),
  )
  return { values, stderr: result.stderr }
}

describe.skipIf(!rscriptFound)('the R script, run in R', () => {
  let ls: TestLinkscore
  beforeAll(async () => {
    ls = await testLinkscore({ questionnaires: FIXTURE_QUESTIONNAIRES })
    await seedExportFixture(ls)
    const north = (await ls.repos.programmes.findBySlug('north'))!
    writeFileSync(join(ls.folder, 'north-linkscore.R'), ls.services.exports.rScript(north, { wave: 'baseline', from: 'baseline' }))
    await exportTo(ls, ls.folder, 'north', 'answers', { wave: 'baseline' }, '--wave', 'baseline')
    await exportTo(ls, ls.folder, 'north', 'responses', { wave: 'baseline' }, '--wave', 'baseline', '--include-partial')
    await exportTo(ls, ls.folder, 'north', 'codebook', {})
    await exportTo(ls, ls.folder, 'north', 'scores', { wave: 'baseline' }, '--wave', 'baseline')
    await exportTo(ls, ls.folder, 'north', 'change', { from: 'baseline', wave: 'six-months' }, '--from', 'baseline', '--to', 'six-months')
    const n1 = (await ls.repos.practices.findByCode('N1'))!
    const baseline = (await ls.repos.waves.findBySlug(north.id, 'baseline'))!
    const priority = { practiceId: n1.id, waveId: baseline.id, questionnaireId: 'pilot', scale: 'organisational/training' }
    const words = { action: '=Train "everyone", twice', owner: 'Practice manager', reviewOn: '2026-06-30' }
    await ls.repos.actions.add(priority, { ...words, at: '2026-03-02T10:00:00.000Z', byUserId: null })
    await exportTo(ls, ls.folder, 'north', 'actions', {}, '--programme', 'north')
  })
  afterAll(() => ls?.close())

  it('reads the wide file with value labels, "not relevant" as NA with a note', () => {
    const { values, stderr } = runR(
      ls.folder,
      `source("north-linkscore.R")
out("loaded", Filter(exists, c("answers", "responses", "codebook", "scores", "scale_stats", "change")))
out("p_leaders class", class(responses$p_leaders))
out("p_leaders levels", levels(responses$p_leaders))
out("p_leaders", as.character(responses$p_leaders))
out("p_leaders as numbers", as.integer(responses$p_leaders))
out("p_leaders label", attr(responses$p_leaders, "label"))
out("p_training_gp", as.character(responses$p_training_gp))
out("p_role_years", as.character(responses$p_role_years))
out("p_confidence", responses$p_confidence)
out("p_channels__directory", c(class(responses$p_channels__directory), responses$p_channels__directory))
out("p_channels__directory label", attr(responses$p_channels__directory, "label"))
out("p_comments", responses$p_comments[1])
out("answers 1 label", answers$label[answers$response_id == 1])
out("answers 1 number", answers$number[answers$response_id == 1])
out("scores withheld", c(class(scores$withheld), scores$withheld))
out("scores n", class(scores$n))
out("scores ci_note", c(class(scores$ci_note), class(scores$ci_low), ifelse(is.na(scores$ci_note), "NA", scores$ci_note), is.na(scores$ci_low)))
out("scale map", paste(linkscore_scale_map$item, linkscore_scale_map$scale_path, linkscore_scale_map$reverse))
out("in training", linkscore_items_in_scale("pilot", "organisational/training"))
out("responses context", c(class(responses$practice_list_size), class(responses$practice_rurality), as.character(responses$practice_stage[1])))
change <- linkscore_read_change("north-baseline-to-six-months-change.csv")
out("change stages", c(class(change$practice_stage_from)[1], as.character(unique(change$practice_stage_from)), as.character(unique(change$practice_stage_to))))
`,
    )
    expect(Object.fromEntries(values)).toEqual({
      loaded: 'answers|responses|codebook|scores',
      'p_leaders class': 'ordered|factor',
      'p_leaders levels': 'Strongly disagree|Disagree|Neither agree nor disagree|Agree|Strongly agree',
      p_leaders: 'Agree|Disagree|Neither agree nor disagree|NA|Strongly agree|Strongly disagree|NA',
      'p_leaders as numbers': '4|2|3|NA|5|1|NA',
      'p_leaders label': 'Leaders here make time for social prescribing.',
      p_training_gp: 'NA|Neither agree nor disagree|Agree|NA|NA|NA|NA',
      p_role_years: 'Under a year|A year or more|A year or more|Under a year|Under a year|A year or more|NA',
      p_confidence: '8|NA|NA|0|NA|NA|NA',
      p_channels__directory: 'integer|0|1|NA|NA|NA|NA|NA',
      'p_channels__directory label': 'How do you hear about local services?: From a directory',
      p_comments: 'Commas, "quotes"\\nand a new line',
      'answers 1 label': 'Under a year|Agree|8|Not relevant to my role|Disagree|From colleagues|From the link worker|Commas, "quotes"\\nand a new line',
      'answers 1 number': 'NA|4|8|NA|2|NA|NA|NA',
      'scores withheld': 'logical|FALSE|FALSE|FALSE|TRUE|TRUE|TRUE',
      'scores n': 'integer',
      // The notes are text; a CI not printed is NA beside its reason (a withheld practice's row has no note).
      'scores ci_note': 'character|numeric|clipped|wider_than_scale|clipped|NA|NA|NA|FALSE|TRUE|FALSE|TRUE|TRUE|TRUE',
      'scale map':
        'p_leaders organisational/leadership FALSE|p_training_gp organisational/training FALSE|p_training_lw organisational/training FALSE|p_training_lacking organisational/training TRUE',
      'in training': 'p_training_gp|p_training_lw|p_training_lacking',
      'responses context': 'integer|factor|piloting',
      // N1 at both waves, then N2 with no stage recorded.
      'change stages': 'ordered|piloting|NA|implementing|NA',
    })
    expect(stderr).toContain('north-baseline-responses.csv: 2 "not relevant" answers read as NA')
  })

  it('keeps "not relevant" as labelled levels when asked', () => {
    const { values, stderr } = runR(
      ls.folder,
      `linkscore_keep_not_relevant <- TRUE
source("north-linkscore.R")
out("p_leaders class", class(responses$p_leaders))
out("p_leaders levels", levels(responses$p_leaders))
out("p_leaders", as.character(responses$p_leaders))
out("p_training_gp levels", levels(responses$p_training_gp))
`,
    )
    expect(Object.fromEntries(values)).toEqual({
      'p_leaders class': 'factor',
      'p_leaders levels': 'Strongly disagree|Disagree|Neither agree nor disagree|Agree|Strongly agree|Not relevant to my role|Not relevant at this stage',
      p_leaders: 'Agree|Disagree|Neither agree nor disagree|Not relevant at this stage|Strongly agree|Strongly disagree|NA',
      'p_training_gp levels': 'Strongly disagree|Disagree|Neither agree nor disagree|Agree|Strongly agree|Not relevant to my role',
    })
    expect(stderr).not.toContain('read as NA')
  })

  it('reads the actions file, its text as typed and the review date as a Date', () => {
    const { values } = runR(
      ls.folder,
      `source("north-linkscore.R")
out("actions", c(nrow(actions), actions$practice_code, actions$scale, actions$action, class(actions$review_on), format(actions$review_on + 1)))
`,
    )
    expect(values.get('actions')).toBe('1|N1|organisational/training|=Train "everyone", twice|Date|2026-07-01')
  })

  it('reads the change file named by linkscore_from_wave and linkscore_wave', () => {
    const { values } = runR(
      ls.folder,
      `linkscore_wave <- "six-months"; linkscore_from_wave <- "baseline"
source("north-linkscore.R")
out("loaded", Filter(exists, c("answers", "responses", "codebook", "scores", "scale_stats", "change")))
out("change", c(nrow(change), class(change$withheld), class(change$difference), unique(change$to_wave)))
`,
    )
    expect(values.get('loaded')).toBe('codebook|change')
    expect(values.get('change')).toBe('6|logical|numeric|six-months')
  })
})

describe.skipIf(!rscriptFound)('the R script for the real questionnaires, run in R on the demo programme', () => {
  let ls: TestLinkscore
  beforeAll(async () => {
    ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    await seedDemo(ls.repos, ls.services)
  })
  afterAll(() => ls?.close())

  it('gives every item column of the wide file its type, with no warning', async () => {
    const demo = (await ls.repos.programmes.findBySlug('demo'))!
    writeFileSync(join(ls.folder, 'demo-linkscore.R'), ls.services.exports.rScript(demo, { wave: 'six-months', from: 'baseline' }))
    await exportTo(ls, ls.folder, 'demo', 'responses', { wave: 'six-months' }, '--wave', 'six-months')
    const { values, stderr } = runR(
      ls.folder,
      `options(warn = 1)
source("demo-linkscore.R")
out("rows", nrow(responses))
for (n in names(responses)[-(1:15)]) out(n, class(responses[[n]])[1])
out("practice_stage", class(responses$practice_stage))
out("excluded", class(responses$excluded))
out("language", class(responses$language))
out("items", nrow(linkscore_items))
out("scale map", nrow(linkscore_scale_map))
`,
    )
    expect(stderr).not.toMatch(/warning/i)
    const wave = (await ls.repos.waves.findBySlug(demo.id, 'six-months'))!
    const items = wave.questionnaireIds.flatMap((id) => allItems(ls.services.catalogue.get(id)))
    const expected = Object.fromEntries(
      items.flatMap((item) => {
        if (item.type === 'multi') return item.options.map((o) => [`${item.id}__${o.code}`, 'integer'])
        return [[item.id, { likert5: 'ordered', scale0to10: 'numeric', single: 'factor', text: 'character' }[item.type]]]
      }),
    )
    const columns = Object.fromEntries([...values].filter(([key]) => !['rows', 'items', 'scale map', 'excluded', 'language', 'practice_stage'].includes(key)))
    expect(columns).toEqual(expected)
    expect(values.get('excluded')).toBe('logical')
    expect(values.get('language')).toBe('factor')
    expect(values.get('practice_stage')).toBe('ordered|factor')
    expect(Number(values.get('rows'))).toBe(30)
    const all = ls.services.catalogue.list().flatMap(allItems)
    expect(Number(values.get('items'))).toBe(all.length)
    expect(Number(values.get('scale map'))).toBe(all.filter((i) => i.type === 'likert5' && i.scale).length)
  })
})

describe.skipIf(!rscriptFound)('free text that a spreadsheet would run, through the CSV and back in R', () => {
  // A carriage return is neutralised too (test/exports/csv.test.ts), but R's read.csv reads a lone CR as a new line,
  // and no answer can hold one: the survey stores line ends as \n.
  const PAYLOADS = ['=HYPERLINK("http://x.example","click")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1+1', "'=already quoted", "''@twice", ' =space first']
  let ls: TestLinkscore
  beforeAll(async () => {
    ls = await testLinkscore({ questionnaires: FIXTURE_QUESTIONNAIRES })
    await seedExportFixture(ls)
    const north = (await ls.repos.programmes.findBySlug('north'))!
    writeFileSync(join(ls.folder, 'north-linkscore.R'), ls.services.exports.rScript(north, { wave: 'baseline', from: 'baseline' }))
  })
  afterAll(() => ls?.close())

  async function writeExport(kind: 'answers' | 'responses'): Promise<string> {
    const wave = (await ls.repos.waves.findBySlug((await ls.repos.programmes.findBySlug('north'))!.id, 'baseline'))!
    const file = join(ls.folder, exportFileName('north', kind, { wave: 'baseline' }))
    const out = createWriteStream(file)
    const table = await ls.services.exports.table({ kind, waves: [wave], includePartial: false })
    await writeTable(out, table)
    await new Promise((resolve) => out.end(resolve))
    return readFileSync(file, 'utf8')
  }

  it.each([PAYLOADS.slice(0, 4), PAYLOADS.slice(4)])('neutralises %j in the files and reads each back as typed', async (...payloads) => {
    const wave = (await ls.repos.waves.findBySlug((await ls.repos.programmes.findBySlug('north'))!.id, 'baseline'))!
    const submitted = (
      await ls.db.selectFrom('response').select('id').where('status', '=', 'submitted').where('wave_id', '=', wave.id).orderBy('id').execute()
    ).map((r) => r.id)
    await ls.db.deleteFrom('answer').where('item_id', '=', 'p_comments').execute()
    await ls.db
      .insertInto('answer')
      .values(
        payloads.map((text, i) => ({ response_id: submitted[i]!, questionnaire_id: 'pilot', questionnaire_version: 1, item_id: 'p_comments', value: text })),
      )
      .execute()
    const answersCsv = await writeExport('answers')
    await writeExport('responses')
    const written = (parse(answersCsv, { columns: true }) as { item: string; value: string }[]).filter((r) => r.item === 'p_comments').map((r) => r.value)
    expect(written.sort()).toEqual(payloads.map((text) => (/^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text)).sort())
    const { values } = runR(
      ls.folder,
      `source("north-linkscore.R")
comments <- answers$value[answers$item == "p_comments"]
out("answers", sapply(comments, function(x) paste(utf8ToInt(x), collapse = ",")))
out("responses", sapply(responses$p_comments[!is.na(responses$p_comments)], function(x) paste(utf8ToInt(x), collapse = ",")))
`,
    )
    const codes = payloads.map((text) => [...text].map((c) => c.codePointAt(0)).join(','))
    expect(values.get('answers')!.split('|').sort()).toEqual([...codes].sort())
    expect(values.get('responses')!.split('|').sort()).toEqual([...codes].sort())
  })
})
