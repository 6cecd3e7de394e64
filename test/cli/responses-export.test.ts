// `linkscore export responses`: the wide format, one row per response and one column per item, on a small fixture.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESPONSES_HEADER as HEADER, seedExportFixture, STARTED, SUBMITTED_RESPONSE_ROWS as SUBMITTED_ROWS } from '../support/export-fixture.js'
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
      ['6', 'N1', 'baseline', 'community_org', 'community', 'in_progress', STARTED, '', '0', 'en-GB', 'long', '1', '', '', '', '', '', '', '', ''],
      ['7', 'N2', 'baseline', '', '', 'in_progress', STARTED, '', '0', 'en-GB', '', '', '', '', '', '', '', '', '', ''],
    ])
  })

  it('keeps each wave apart', async () => {
    expect((await rows('--wave', 'six-months')).slice(1).map((r) => `${r[0]} ${r[2]} ${r[11]}`)).toEqual([
      '8 six-months 5',
      '9 six-months 4',
      '10 six-months 4',
    ])
  })

  it('explains an unknown wave', async () => {
    expect(await runCli(['export', 'responses', '--wave', 'nope'], env)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'linkscore: No wave "nope" in any programme\n',
    })
  })
})
