// The Stata do-file, checked without Stata (none is installed here, and CI has none): every line is one of the few
// commands the generator writes, with valid names, labels within Stata's limits, strings Stata will not expand, and the
// columns renamed in the order of the responses file it reads. Stata itself has not run this file.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { stataString } from '../../server/exports/stata-syntax.js'
import { seedExportFixture } from '../support/export-fixture.js'
import { runCli } from '../support/run-cli.js'
import { FIXTURE_QUESTIONNAIRES, REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const NAME = '[a-z][a-z0-9_]{0,31}'
/** A Stata string as the generator writes one: no double quote inside, `$` and the backquote escaped. */
const STRING = '"(?:[^"\\\\$`]|\\\\[$`])*"'
const MISSING = '\\.[abc]'
const COMMANDS = [
  '^version 16$',
  '^clear$',
  `^import delimited using "[a-z0-9-]+\\.csv", varnames\\(nonames\\) rowrange\\(2\\) delimiters\\(","\\) bindquote\\(strict\\) encoding\\("utf-8"\\) stringcols\\(_all\\) clear$`,
  `^rename v\\d+ ${NAME}$`,
  `^char ${NAME}\\[linkscore_column\\] "[a-z0-9_]+"$`,
  `^replace (${NAME}) = usubstr\\(\\1, 2, \\.\\) if ustrregexm\\(\\1, "\\^'\\+\\[-=\\+@\\]"\\)$`,
  '^capture drop lstmp$',
  '^generate int lstmp = \\.$',
  `^replace lstmp = \\d+ if ${NAME} == "[A-Za-z0-9_-]+"$`,
  `^order lstmp, after\\(${NAME}\\)$`,
  `^drop ${NAME}$`,
  `^rename lstmp ${NAME}$`,
  `^replace (${NAME}) = "${MISSING}" if \\1 == "nr_(role|stage|intervention)"$`,
  `^destring ${NAME}, replace$`,
  `^label variable ${NAME} ${STRING}$`,
  `^label define (${NAME}) (?:(?:\\d+|${MISSING}) ${STRING} ?)+, replace$`,
  `^label values (${NAME}) \\1$`,
].map((source) => new RegExp(source))

/** The lines that are commands: not comments, not blank. */
const commands = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('*'))
    .map((line) => line.trimEnd())

function checkDoFile(text: string, header: string[]) {
  const lines = commands(text)
  expect(lines.filter((line) => !COMMANDS.some((command) => command.test(line)))).toEqual([])
  const renamed = lines.flatMap((line) => /^rename v(\d+) (\S+)$/.exec(line) ?? []).filter((_, i) => i % 3 !== 0)
  const names = renamed.filter((_, i) => i % 2 === 1)
  expect(renamed.filter((_, i) => i % 2 === 0)).toEqual(header.map((_, i) => String(i + 1)))
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(header.length)
  expect(names.every((n) => n.length <= 32)).toBe(true)
  const originals = lines.flatMap((line) => /^char \S+\[linkscore_column\] "(.*)"$/.exec(line)?.[1] ?? [])
  expect(originals).toEqual(header)
  for (const line of lines.filter((l) => l.startsWith('label variable'))) {
    const label = /"(.*)"$/.exec(line)![1]!.replace(/\\([$`])/g, '$1')
    expect(label.length, line).toBeLessThanOrEqual(80)
  }
  // Every variable labelled once; every value label set defined before it is attached.
  expect(lines.filter((l) => l.startsWith('label variable')).length).toBe(header.length)
  const defined = new Set<string>()
  for (const line of lines) {
    const define = /^label define (\S+)/.exec(line)
    if (define) defined.add(define[1]!)
    const values = /^label values (\S+)/.exec(line)
    if (values) expect(defined.has(values[1]!), line).toBe(true)
  }
  return lines
}

describe('stataString', () => {
  it.each([
    ['Plain words', '"Plain words"'],
    ['It\'s "quoted"', `"It's 'quoted'"`],
    ['Costs $5 or `more`', '"Costs \\$5 or \\`more\\`"'],
    ['either\\or', '"either/or"'],
    ['two\nlines', '"two lines"'],
  ])('writes %j as %s', (text, literal) => {
    expect(stataString(text)).toBe(literal)
  })

  it('cuts a variable label to 80 characters', () => {
    expect(stataString('x'.repeat(100), 80)).toBe(`"${'x'.repeat(80)}"`)
  })
})

describe('the Stata do-file, line by line (Stata not run)', () => {
  let fixture: TestLinkscore
  let demo: TestLinkscore
  beforeAll(async () => {
    fixture = await testLinkscore({ questionnaires: FIXTURE_QUESTIONNAIRES })
    await seedExportFixture(fixture)
    demo = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    await seedDemo(demo.repos, demo.services)
  })
  afterAll(async () => {
    await fixture?.close()
    await demo?.close()
  })

  async function doFileAndHeader(ls: TestLinkscore, programme: string) {
    const p = (await ls.repos.programmes.findBySlug(programme))!
    const waves = await ls.repos.waves.listByProgramme(p.id)
    const text = await ls.services.exports.syntax('stata', p, { waves, fileWave: 'all-waves', includePartial: true })
    const csv = await runCli(['export', 'responses', '--wave', 'all', '--programme', programme, '--include-partial'], {
      ...ls.databaseEnv,
      LINKSCORE_QUESTIONNAIRES: ls.config.questionnairesFolder,
    })
    return { text, header: (parse(csv.stdout) as string[][])[0]! }
  }

  it("writes only the commands it knows for the demo programme's responses of all waves", async () => {
    const { text, header } = await doFileAndHeader(demo, 'demo')
    const lines = checkDoFile(text, header)
    expect(lines).toContain(
      'import delimited using "demo-all-waves-responses.csv", varnames(nonames) rowrange(2) delimiters(",") bindquote(strict) encoding("utf-8") stringcols(_all) clear',
    )
  })

  // p_leaders is about social prescribing itself, so it offers no "not relevant to social prescribing" (.c).
  it('codes the fixture as the SPSS syntax does: agree items 1-5 with "not relevant" as .a-.c, options numbered in order', async () => {
    const { text, header } = await doFileAndHeader(fixture, 'north')
    const lines = checkDoFile(text, header)
    expect(lines).toEqual(
      expect.arrayContaining([
        'replace p_leaders = ".a" if p_leaders == "nr_role"',
        'replace p_leaders = ".b" if p_leaders == "nr_stage"',
        'destring p_leaders, replace',
        'label variable p_leaders "Leaders here make time for social prescribing."',
        'label define p_leaders 1 "Strongly disagree" 2 "Disagree" 3 "Neither agree nor disagree" 4 "Agree" 5 "Strongly agree" .a "Not relevant to my role" .b "Not relevant at this stage", replace',
        'replace lstmp = 1 if p_role_years == "short"',
        'replace lstmp = 2 if p_role_years == "long"',
        'label define p_role_years 1 "Under a year" 2 "A year or more", replace',
        'label define practice_stage 1 "not started" 2 "piloting" 3 "implementing" 4 "embedding" 5 "embedded", replace',
        'label define wave 1 "Baseline" 2 "Six months", replace',
      ]),
    )
  })
})
