import { parse } from 'csv-parse/sync'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli.js'
import { FIXTURE_QUESTIONNAIRES } from '../support/test-linkscore.js'

let folder: string
let env: Record<string, string>
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'linkscore-cli-'))
  env = { LINKSCORE_DB: join(folder, 'cli.db'), LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES, LINKSCORE_BASE_URL: 'https://survey.example.org' }
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

const cli = (...args: string[]) => runCli(args, env)

async function setUp() {
  expect((await cli('programme', 'add', '--slug', 'north', '--name', 'North PCN')).code).toBe(0)
  expect(
    (
      await cli(
        'practice',
        'add',
        '--programme',
        'north',
        '--code',
        'B86001',
        '--name',
        'Riverside',
        '--deprivation-quintile',
        '2',
        '--rurality',
        'urban',
        '--list-size',
        '12000',
      )
    ).code,
  ).toBe(0)
  expect(
    (
      await cli(
        'wave',
        'add',
        '--programme',
        'north',
        '--slug',
        'baseline',
        '--title',
        'Baseline',
        '--questionnaires',
        'pilot',
        '--opens',
        '2026-01-01',
        '--open',
      )
    ).code,
  ).toBe(0)
}

describe('setting up a programme', () => {
  it('adds a programme, a practice and a wave, and prints what it did', async () => {
    expect(await cli('programme', 'add', '--slug', 'north', '--name', 'North PCN')).toEqual({
      code: 0,
      stdout: 'added programme north: North PCN\n',
      stderr: '',
    })
    expect((await cli('practice', 'add', '--programme', 'north', '--code', 'B86001', '--name', 'Riverside')).stdout).toBe('added practice B86001: Riverside\n')
    expect((await cli('wave', 'add', '--programme', 'north', '--slug', 'baseline', '--title', 'Baseline', '--questionnaires', 'pilot')).stdout).toBe(
      'added wave baseline (draft): pilot\n',
    )
    expect((await cli('wave', 'open', '--programme', 'north', '--wave', 'baseline')).stdout).toBe('wave baseline is open\n')
    expect((await cli('wave', 'close', '--programme', 'north', '--wave', 'baseline')).stdout).toBe('wave baseline is closed\n')
  })

  it('prints one full invitation URL per line, each with a token of at least 128 bits', async () => {
    await setUp()
    const result = await cli('invites', 'create', '--wave', 'baseline', '--practice', 'B86001', '--count', '3', '--role', 'gp')
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    for (const line of lines) expect(line).toMatch(/^https:\/\/survey\.example\.org\/s\/[A-Za-z0-9_-]{24}$/)
    expect(new Set(lines).size).toBe(3)
  })

  it.each([
    {
      args: ['programme', 'add', '--slug', 'North PCN', '--name', 'x'],
      message: 'linkscore: slug: use lower-case letters, digits and hyphens (e.g. "north-pcn")\n',
    },
    { args: ['practice', 'add', '--programme', 'south', '--code', 'X1', '--name', 'x'], message: 'linkscore: No programme "south". Programmes: north\n' },
    {
      args: ['practice', 'add', '--programme', 'north', '--code', 'B86001', '--name', 'again'],
      message: 'linkscore: A practice with code B86001 already exists in programme North PCN\n',
    },
    {
      args: ['practice', 'add', '--programme', 'north', '--code', 'X2', '--name', 'x', '--deprivation-quintile', '7'],
      message: 'linkscore: Deprivation quintile must be 1 (most deprived) to 5 (least deprived)\n',
    },
    {
      args: ['practice', 'add', '--programme', 'north', '--code', 'X2', '--name', ' ', '--list-size', '0', '--deprivation-quintile', '7'],
      message:
        'linkscore: Enter the practice name\nEnter a list size as a whole number of patients, such as 8400\nDeprivation quintile must be 1 (most deprived) to 5 (least deprived)\n',
    },
    {
      args: ['wave', 'add', '--programme', 'north', '--slug', 'w2', '--title', 'W', '--questionnaires', 'pilot,nope'],
      message: 'linkscore: Unknown questionnaire "nope". Available: pilot\n',
    },
    {
      args: [
        'wave',
        'add',
        '--programme',
        'north',
        '--slug',
        'w2',
        '--title',
        'W',
        '--questionnaires',
        'pilot',
        '--opens',
        '2026-05-01',
        '--closes',
        '2026-04-01',
      ],
      message: 'linkscore: closes: must not be before the opening date\n',
    },
    {
      args: ['wave', 'add', '--programme', 'north', '--slug', 'w2', '--title', 'W', '--questionnaires', 'pilot', '--opens', '1 May'],
      message: 'linkscore: opens: use the form YYYY-MM-DD\n',
    },
    { args: ['invites', 'create', '--wave', 'baseline', '--practice', 'B86001', '--count', '0'], message: 'linkscore: count: must be at least 1\n' },
    {
      args: ['invites', 'create', '--wave', 'later', '--practice', 'B86001', '--count', '1'],
      message: 'linkscore: No wave "later" in programme "north". Waves: baseline\n',
    },
    { args: ['export', 'answers', '--wave', 'nope'], message: 'linkscore: No wave "nope" in any programme\n' },
  ])('explains a mistake: $message', async ({ args, message }) => {
    await setUp()
    const result = await cli(...args)
    expect(result).toEqual({ code: 1, stdout: '', stderr: message })
  })

  it.each([
    { args: ['invites', 'create', '--wave', 'baseline', '--practice', 'B86001'], stderr: "error: required option '--count <n>' not specified" },
    {
      args: ['invites', 'create', '--wave', 'baseline', '--practice', 'B86001', '--count', '1', '--role', 'steering_member'],
      stderr: "error: option '--role <role>' argument 'steering_member' is invalid",
    },
    { args: ['wave', 'reopen'], stderr: "error: unknown command 'reopen'" },
  ])('exits 2 with usage help for $stderr', async ({ args, stderr }) => {
    const result = await cli(...args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(stderr)
  })
})

describe('exports', () => {
  it('writes the codebook with codes and labels', async () => {
    const rows = parse((await cli('export', 'codebook')).stdout, { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => r.item)).toEqual([
      'p_role_years',
      'p_leaders',
      'p_confidence',
      'p_training_gp',
      'p_training_lw',
      'p_training_lacking',
      'p_channels',
      'p_comments',
    ])
    expect(rows[1]).toEqual({
      questionnaire: 'pilot',
      version: '1',
      item: 'p_leaders',
      type: 'likert5',
      text: 'Leaders here make time for {intervention}.',
      scale_path: 'organisational/leadership',
      reverse: '0',
      min: '1',
      max: '5',
      options:
        '1=Strongly disagree | 2=Disagree | 3=Neither agree nor disagree | 4=Agree | 5=Strongly agree | nr_role=Not relevant to my role | nr_stage=Not relevant at this stage',
      settings: 'general_practice|link_worker|community',
      max_length: '',
    })
    expect(rows[5]).toMatchObject({ item: 'p_training_lacking', reverse: '1' })
    expect(rows[7]).toMatchObject({ item: 'p_comments', type: 'text', min: '', max: '', max_length: '40' })
  })

  it('asks for --programme when two programmes share a wave slug', async () => {
    await setUp()
    await cli('programme', 'add', '--slug', 'south', '--name', 'South')
    await cli('wave', 'add', '--programme', 'south', '--slug', 'baseline', '--title', 'B', '--questionnaires', 'pilot')
    expect((await cli('export', 'answers', '--wave', 'baseline')).stderr).toBe(
      'linkscore: Several programmes have a wave "baseline" (north, south): add --programme\n',
    )
    expect((await cli('export', 'answers', '--wave', 'baseline', '--programme', 'south')).stdout).toBe(
      'response_id,practice_code,wave,questionnaire,questionnaire_version,role,setting,item,value,excluded,language,' +
        'practice_list_size,practice_deprivation_quintile,practice_rurality,practice_sp_model,practice_stage\n',
    )
  })
})

describe('validate', () => {
  it('checks the definitions and prints items and minutes per setting', async () => {
    const result = await cli('validate', '--folder', FIXTURE_QUESTIONNAIRES)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('ok  test/fixtures/questionnaires/pilot.yaml: pilot version 1')
    expect(result.stdout).toContain('  general_practice    7 items (pilot 7) ≈ 0.8 min, within budget')
    expect(result.stdout).toContain('  link_worker         7 items (pilot 7) ≈ 0.8 min, within budget')
  })

  it('checks the shipped definitions with their Dutch translations, and lists the languages', async () => {
    const result = await cli('validate', '--folder', 'questionnaires')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('ok  questionnaires/normalisation.yaml: normalisation version 2, in en-GB, nl\n')
    expect(result.stdout).toContain('ok  questionnaires/normalisation.nl.yaml: nl revision 1, all 104 texts of version 2\n')
    expect(result.stdout).toContain('ok  questionnaires/good-practice.nl.yaml: nl revision 1, all 144 texts of version 2\n')
    expect(result.stdout).toContain('ok  questionnaires/context.nl.yaml: nl revision 1, all 22 texts of version 2\n')
  })

  it('fails naming the path of a missing Dutch item text', async () => {
    const result = await cli('validate', '--folder', 'test/fixtures/broken-translations')
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(
      '  test/fixtures/broken-translations/survey.nl.yaml: items.s_leaders.text: missing (the English is "Leaders here make time for {intervention}.")\n',
    )
  })

  it('fails naming the path and id of a statement about {intervention} that offers "Not relevant to {intervention}"', async () => {
    const result = await cli('validate', '--folder', 'test/fixtures/not-relevant-to-intervention')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'test/fixtures/not-relevant-to-intervention/survey.yaml: sections[0].items[0].notRelevant[1]: "s_time" is about {intervention} itself, so it cannot offer "nr_intervention" (Not relevant to {intervention}): remove it\n',
    )
  })

  it('fails naming the file and path of a broken definition', async () => {
    const result = await cli('validate', '--folder', 'test/fixtures/broken')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('test/fixtures/broken/broken.yaml: sections[0].items[0].type: Invalid discriminator value')
  })
})
