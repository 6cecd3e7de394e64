// `linkscore export actions --programme P` and the actions download: every action of a programme's practices, in wave,
// practice, questionnaire and scale order, the same bytes from the command line and the web.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaffUser } from '../../server/domain/staff-user.js'
import { staffClient } from '../support/report-expectations.js'
import { runCli } from '../support/run-cli.js'
import { auditLines } from '../support/staff-users.js'
import { FIXTURE_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const T1 = '2026-03-02T10:00:00.000Z'
let now = new Date(T1)
let ls: TestLinkscore
let env: Record<string, string>

beforeAll(async () => {
  ls = await testLinkscore({ clock: { now: () => now } })
  env = { ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES }
  const admin = ls.services.admin
  for (const slug of ['north', 'south']) await admin.addProgramme({ slug, name: `${slug} PCN` })
  await admin.addPractice({ programme: 'north', code: 'N2', name: 'Two' })
  const n1 = await admin.addPractice({
    programme: 'north',
    code: 'N1',
    name: 'One',
    listSize: 8100,
    deprivationQuintile: 4,
    rurality: 'rural',
    spModel: 'Shared link worker',
  })
  await admin.addPractice({ programme: 'south', code: 'S1', name: 'South one' })
  const baseline = await admin.addWave({ programme: 'north', slug: 'baseline', title: 'Baseline', questionnaires: ['pilot'] })
  const followUp = await admin.addWave({ programme: 'north', slug: 'follow-up', title: 'Follow-up', questionnaires: ['pilot'] })
  await ls.repos.practices.setStage(n1.id, baseline.id, 'not_started')
  await ls.repos.practices.setStage(n1.id, followUp.id, 'piloting')
  await admin.addWave({ programme: 'south', slug: 'baseline', title: 'Baseline', questionnaires: ['pilot'] })
  await ls.services.staffAccounts.addUser({ email: 'ada@example.org', role: 'admin' }, { kind: 'command line' })
  const account = (await ls.repos.staffUsers.findByEmail('ada@example.org'))!
  const user = { ...account, ...(await ls.repos.staffUsers.scope(account.id)) } as StaffUser
  const record = async (programme: string, code: string, wave: string, scale: string, action: string) => {
    const p = (await ls.repos.programmes.findBySlug(programme))!
    const practice = (await ls.repos.practices.findByCode(code))!
    await ls.services.actions.record(user, p, practice, { wave, questionnaire: 'pilot', scale }, { action, owner: 'Practice manager', reviewOn: '2026-06-30' })
  }
  await record('north', 'N1', 'follow-up', 'organisational/training', 'Train the reception team')
  await record('north', 'N2', 'baseline', 'organisational/leadership', 'Partners\' meeting, "monthly", item 1')
  await record('north', 'N1', 'baseline', 'organisational/training', 'Invite the link worker')
  await record('south', 'S1', 'baseline', 'organisational/training', 'Not for the north')
  now = new Date('2026-03-05T09:30:00.000Z')
  await record('north', 'N1', 'baseline', 'organisational/training', 'Invite the link worker to the team meeting')
})
afterAll(() => ls.close())

const HEADER =
  'practice_code,wave,questionnaire,scale,action,owner,review_on,recorded_at,changed_at,' +
  'practice_list_size,practice_deprivation_quintile,practice_rurality,practice_sp_model,practice_stage'
// N1's context, with the stage recorded for the action's wave; N2 has none recorded.
const N1_AT = (stage: string) => ['8100', '4', 'rural', 'Shared link worker', stage]
const N2_AT = ['', '', '', '', '']

describe('the actions export', () => {
  it("writes one row per action of the programme's practices, with when it was recorded and last changed", async () => {
    const result = await runCli(['export', 'actions', '--programme', 'north'], env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(parse(result.stdout)).toEqual([
      HEADER.split(','),
      [
        'N1',
        'baseline',
        'pilot',
        'organisational/training',
        'Invite the link worker to the team meeting',
        'Practice manager',
        '2026-06-30',
        T1,
        '2026-03-05T09:30:00.000Z',
        ...N1_AT('not_started'),
      ],
      ['N2', 'baseline', 'pilot', 'organisational/leadership', 'Partners\' meeting, "monthly", item 1', 'Practice manager', '2026-06-30', T1, T1, ...N2_AT],
      ['N1', 'follow-up', 'pilot', 'organisational/training', 'Train the reception team', 'Practice manager', '2026-06-30', T1, T1, ...N1_AT('piloting')],
    ])
  })

  it('is the same download on the exports page, written in the audit log, and needs a programme on the command line', async () => {
    const cli = await runCli(['export', 'actions', '--programme', 'north'], env)
    const evaluator = await staffClient(ls, ls.app, 'eva@example.org', 'evaluator', { programmes: ['north'] })
    const page = await evaluator.get('/programmes/north/exports')
    const link = page.$('a[href="/programmes/north/exports/actions.csv"]')
    expect(link.text()).toBe('Action plans')
    const download = await evaluator.download('/programmes/north/exports/actions.csv')
    expect(download.status).toBe(200)
    expect(download.text).toBe(cli.stdout)
    expect((await auditLines(ls)).at(-1)).toBe('data exported eva@example.org {"export":"actions","programme":"north"}')
    const missing = await runCli(['export', 'actions'], env)
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain("required option '--programme <slug>' not specified")
  })

  it('is empty but for its header in a programme without actions', async () => {
    await ls.services.admin.addProgramme({ slug: 'east', name: 'East PCN' })
    expect((await runCli(['export', 'actions', '--programme', 'east'], env)).stdout.trim()).toBe(HEADER)
  })
})
