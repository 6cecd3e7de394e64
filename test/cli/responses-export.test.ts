// `linkscore export responses`: the wide format, one row per response and one column per item, on a small fixture.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  N1_BASELINE_CONTEXT,
  NO_CONTEXT,
  RESPONSES_HEADER as HEADER,
  seedExportFixture,
  STARTED,
  SUBMITTED_RESPONSE_ROWS as SUBMITTED_ROWS,
} from '../support/export-fixture.js'
import { runCli } from '../support/run-cli.js'
import { FIXTURE_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
let env: Record<string, string>
beforeAll(async () => {
  ls = await testLinkscore()
  await seedExportFixture(ls)
  env = { ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES }
})
afterAll(() => ls.close())

const rows = async (...args: string[]) => {
  const result = await runCli(['export', 'responses', ...args], env)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return parse(result.stdout) as string[][]
}

describe('export responses', () => {
  it('writes one row per submitted response: codes as stored, 0/1 per option of a multi item, empty when unanswered', async () => {
    expect(await rows('--wave', 'baseline')).toEqual([HEADER, ...SUBMITTED_ROWS])
  })

  it('adds responses not yet submitted with --include-partial, even one with no answers at all', async () => {
    expect(await rows('--wave', 'baseline', '--include-partial')).toEqual([
      HEADER,
      ...SUBMITTED_ROWS,
      [
        '6',
        'N1',
        'baseline',
        'community_org',
        'community',
        'in_progress',
        STARTED,
        '',
        '0',
        'en-GB',
        ...N1_BASELINE_CONTEXT,
        'long',
        '1',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      ['7', 'N2', 'baseline', '', '', 'in_progress', STARTED, '', '0', 'en-GB', ...NO_CONTEXT, '', '', '', '', '', '', '', '', '', ''],
    ])
  })

  // Columns by name: the practice context columns moved the items along once, and a test reading by position broke.
  const byName = (table: string[][], ...columns: string[]) => table.slice(1).map((r) => columns.map((c) => r[table[0]!.indexOf(c)]).join(' '))

  it('keeps each wave apart, with the stage recorded for that wave', async () => {
    expect(byName(await rows('--wave', 'six-months'), 'response_id', 'wave', 'p_leaders', 'practice_stage')).toEqual([
      '8 six-months 5 implementing',
      '9 six-months 4 implementing',
      '10 six-months 4 implementing',
    ])
  })

  it('writes every wave with --wave all, in wave order, each row with the stage at its own wave', async () => {
    const all = await rows('--wave', 'all', '--programme', 'north')
    expect(all[0]).toEqual(HEADER)
    expect(byName(all, 'response_id', 'practice_code', 'wave', 'practice_stage')).toEqual([
      '1 N1 baseline piloting',
      '2 N1 baseline piloting',
      '3 N1 baseline piloting',
      '4 N1 baseline piloting',
      '5 N2 baseline ',
      '8 N1 six-months implementing',
      '9 N1 six-months implementing',
      '10 N1 six-months implementing',
    ])
    expect(all.slice(1, 6)).toEqual(SUBMITTED_ROWS)
  })

  it('asks for the programme with --wave all', async () => {
    expect(await runCli(['export', 'responses', '--wave', 'all'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'linkscore: --wave all needs --programme: the programme whose waves to export\n',
    })
  })

  it('explains an unknown wave', async () => {
    expect(await runCli(['export', 'responses', '--wave', 'nope'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'linkscore: No wave "nope" in any programme\n',
    })
  })
})
