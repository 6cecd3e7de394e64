// Runs the generated SPSS syntax in GNU PSPP on the demo programme's responses file: no error, the labels PSPP reports,
// and frequency tables equal to counts taken from the CSV itself. Skipped, saying so, where pspp is not installed (failed on CI).
import { parse } from 'csv-parse/sync'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../server/demo/seed-demo.js'
import type { Programme } from '../../server/domain/programme.js'
import type { Wave } from '../../server/domain/wave.js'
import { exportFileName } from '../../server/exports/export-kinds.js'
import { LIKERT5_LABELS, NOT_RELEVANT_LABELS } from '../../server/questionnaires/answer-labels.js'
import type { Likert5Item } from '../../server/questionnaires/item-types/likert5.js'
import { allItems, fillIntervention } from '../../server/questionnaires/questionnaire-model.js'
import { psppFound } from '../support/pspp.js'
import { runCli } from '../support/run-cli.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

// The numbers the syntax gives "not relevant" answers, written out here so that a change to them is seen.
const SPSS_NUMBER = { nr_role: '97', nr_stage: '98', nr_intervention: '99' } as const

/** PSPP's CSV output: each table as its title and rows. */
function tables(output: string): Map<string, string[][]> {
  const found = new Map<string, string[][]>()
  for (const block of output.split(/\n\s*\n/)) {
    const [first, ...rest] = block.trim().split('\n')
    if (!first?.startsWith('Table: ')) continue
    found.set(first.slice('Table: '.length), parse(rest.join('\n'), { relax_column_count: true }) as string[][])
  }
  return found
}

function runPspp(folder: string, syntax: string): { output: string; log: string } {
  writeFileSync(join(folder, 'check.sps'), syntax)
  const result = spawnSync('pspp', ['-O', 'format=csv', '-o', 'out.csv', 'check.sps'], { cwd: folder, encoding: 'utf8' })
  expect(result.status, result.stdout + result.stderr).toBe(0)
  return { output: readFileSync(join(folder, 'out.csv'), 'utf8'), log: result.stdout + result.stderr }
}

/** A frequency table's valid rows: value (number and label) and count. */
const found = (output: string, variable: string) =>
  tables(output)
    .get(variable)!
    .filter((row) => /^\d+ /.test(row[1]!))
    .map((row) => [row[1]!, row[2]!])

/** How many rows of the CSV hold each value of `column` ('' for empty). */
function countsInCsv(file: string, column: string): Map<string, number> {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[]
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row[column]!, (counts.get(row[column]!) ?? 0) + 1)
  return counts
}

describe.skipIf(!psppFound)('the SPSS syntax, run in GNU PSPP on the demo programme', () => {
  let ls: TestLinkscore
  let demo: Programme
  let wave: Wave
  const csvFile = () => join(ls.folder, exportFileName('demo', 'responses', { wave: 'six-months' }))
  beforeAll(async () => {
    ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    await seedDemo(ls.repos, ls.services)
    demo = (await ls.repos.programmes.findBySlug('demo'))!
    wave = (await ls.repos.waves.findBySlug(demo.id, 'six-months'))!
    const result = await runCli(['export', 'responses', '--wave', 'six-months'], {
      ...ls.databaseEnv,
      LINKSCORE_QUESTIONNAIRES: ls.config.questionnairesFolder,
    })
    expect(result.stderr).toBe('')
    writeFileSync(csvFile(), result.stdout)
  })
  afterAll(() => ls?.close())

  const syntax = () => ls.services.exports.syntax('spss', demo, { waves: [wave], fileWave: 'six-months', includePartial: false })
  const items = () => wave.questionnaireIds.flatMap((id) => allItems(ls.services.catalogue.get(id)))

  it('reads the file without an error or a warning, its agree item labelled and counted as in the CSV', async () => {
    // An item with a "not relevant" answer and an empty cell, so the CSV's counts hold a code of each kind.
    const item = items()
      .filter((i): i is Likert5Item => i.type === 'likert5')
      .find((i) => {
        const values = [...countsInCsv(csvFile(), i.id).keys()]
        return values.some((v) => v.startsWith('nr_')) && values.includes('')
      })!
    const { output, log } = runPspp(
      ls.folder,
      `${await syntax()}
SET TVARS=NAMES TNUMBERS=VALUES.
DISPLAY DICTIONARY /VARIABLES=${item.id}.
FREQUENCIES /VARIABLES=${item.id} /FORMAT=AVALUE.
`,
    )
    expect(log).not.toMatch(/error|warning/i)
    const found = tables(output)
    const variables = found.get('Variables')!
    expect(variables[1]).toEqual(expect.arrayContaining([item.id, fillIntervention(item.text, demo.intervention)]))
    expect(variables[1]).toContain('Ordinal')
    expect(variables[1]).toContain(item.notRelevant.map((code) => SPSS_NUMBER[code]).join('; '))
    const valueLabels = found
      .get('Value Labels')!
      .slice(1)
      .filter((row) => row.length > 2)
      .map((row) => [row[1]!.replace('[a]', ''), row[2]])
    expect(valueLabels).toEqual([
      ...LIKERT5_LABELS.map((label, i) => [String(i + 1), label]),
      ...item.notRelevant.map((code) => [SPSS_NUMBER[code], fillIntervention(NOT_RELEVANT_LABELS[code], demo.intervention)]),
    ])

    const inCsv = countsInCsv(csvFile(), item.id)
    const frequencies = found.get(item.id)!.filter((row) => /^\d+$|^\.$/.test(row[1]!))
    const inPspp = new Map(frequencies.map((row) => [row[1]!, Number(row[2])]))
    const asCodes = new Map([...inPspp].map(([value, n]) => [{ '97': 'nr_role', '98': 'nr_stage', '99': 'nr_intervention', '.': '' }[value] ?? value, n]))
    expect(asCodes).toEqual(inCsv)
  })

  it('numbers a single-choice item and the roles as the codebook orders them, with their labels', async () => {
    const item = items().find((i) => i.type === 'single')!
    const { output } = runPspp(
      ls.folder,
      `${await syntax()}
SET TVARS=NAMES TNUMBERS=BOTH.
FREQUENCIES /VARIABLES=${item.id} role practice_stage /FORMAT=AVALUE.
`,
    )
    const found = tables(output)
    if (item.type !== 'single') throw new Error('expected a single-choice item')
    const counted = (table: string, codes: readonly string[]) =>
      new Map(
        found
          .get(table)!
          .filter((row) => /^\d+ /.test(row[1]!))
          .map((row) => {
            const [, number, label] = /^(\d+) (.*)$/.exec(row[1]!)!
            return [codes[Number(number) - 1]!, { label, n: Number(row[2]) }]
          }),
      )
    const options = item.options.map((o) => o.code)
    const inCsv = countsInCsv(csvFile(), item.id)
    const inPspp = counted(item.id, options)
    expect([...inPspp].map(([code, { label, n }]) => [code, label, n])).toEqual(
      item.options.filter((o) => inCsv.has(o.code)).map((o) => [o.code, fillIntervention(o.label, demo.intervention), inCsv.get(o.code)]),
    )
    expect(found.get('role')!.some((row) => row[1] === '1 GP')).toBe(true)
  })

  it('reads the responses of all waves, its wave column counted per wave as in the CSV', async () => {
    const waves = await ls.repos.waves.listByProgramme(demo.id)
    const file = join(ls.folder, exportFileName('demo', 'responses', { wave: 'all-waves' }))
    const result = await runCli(['export', 'responses', '--wave', 'all', '--programme', 'demo'], {
      ...ls.databaseEnv,
      LINKSCORE_QUESTIONNAIRES: ls.config.questionnairesFolder,
    })
    writeFileSync(file, result.stdout)
    const text = await ls.services.exports.syntax('spss', demo, { waves, fileWave: 'all-waves', includePartial: false })
    const { output, log } = runPspp(ls.folder, `${text}\nSET TVARS=NAMES TNUMBERS=BOTH.\nFREQUENCIES /VARIABLES=wave practice_stage /FORMAT=AVALUE.\n`)
    expect(log).not.toMatch(/error|warning/i)
    const rows = found(output, 'wave')
    const inCsv = countsInCsv(file, 'wave')
    expect(rows).toEqual(waves.filter((w) => inCsv.has(w.slug)).map((w) => [`${waves.indexOf(w) + 1} ${w.title}`, String(inCsv.get(w.slug))]))
    expect(waves.length).toBeGreaterThan(1)
  })

  // Last, as it changes the demo's answers: every answer to a free-text item becomes text a spreadsheet would run.
  it('takes the quote off text a spreadsheet would run, as typed', async () => {
    const item = items().find((i) => i.type === 'text')!
    await ls.db.updateTable('answer').set({ value: '=SUM(A1:A9)' }).where('item_id', '=', item.id).execute()
    const folder = join(ls.folder, 'formula')
    mkdirSync(folder)
    const result = await runCli(['export', 'responses', '--wave', 'six-months'], {
      ...ls.databaseEnv,
      LINKSCORE_QUESTIONNAIRES: ls.config.questionnairesFolder,
    })
    writeFileSync(join(folder, exportFileName('demo', 'responses', { wave: 'six-months' })), result.stdout)
    const inCsv = countsInCsv(join(folder, exportFileName('demo', 'responses', { wave: 'six-months' })), item.id)
    expect(inCsv.get("'=SUM(A1:A9)")).toBeGreaterThan(0)
    const { output } = runPspp(folder, `${await syntax()}\nSET TVARS=NAMES.\nLIST /VARIABLES=${item.id}.\n`)
    const listed = tables(output)
      .get('Data List')!
      .slice(1)
      .map((row) => row[0])
    expect(new Set(listed.filter(Boolean))).toEqual(new Set(['=SUM(A1:A9)']))
  })
})
