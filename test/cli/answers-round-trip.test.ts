// `linkscore invites create`, answers through the web, then `linkscore export answers`: every answer once, as given.
import { parse } from 'csv-parse/sync'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createApp } from '../../server/app.js'
import { boot } from '../../server/boot.js'
import { readConfig } from '../../server/config.js'
import { httpClient } from '../support/http-client.js'
import { runCli } from '../support/run-cli.js'
import { FIXTURE_QUESTIONNAIRES, testDatabase } from '../support/test-linkscore.js'

const folder = mkdtempSync(join(tmpdir(), 'linkscore-roundtrip-'))
const database = await testDatabase(folder)
const env = { ...database.env, LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES, LINKSCORE_BASE_URL: 'http://localhost:3000' }
const cli = (...args: string[]) => runCli(args, env)
let server: Awaited<ReturnType<typeof boot>> | undefined
afterAll(async () => {
  await server?.repos.close()
  await database.drop()
  rmSync(folder, { recursive: true, force: true })
})

type Fields = Record<string, string | string[]>
const PEOPLE: { role: string; first: Fields; second: Fields }[] = [
  {
    role: 'gp',
    first: { p_role_years: 'short', p_leaders: '5', p_confidence: '10' },
    second: { p_training_gp: '1', p_training_lacking: '4', p_channels: ['directory'], p_comments: 'Quotes "and", commas\nand a new line' },
  },
  {
    role: 'link_worker',
    first: { p_role_years: 'long', p_leaders: 'nr_stage', p_confidence: '0' },
    second: { p_training_lw: '3', p_channels: ['colleagues', 'directory', 'link_worker'] },
  },
  { role: 'community_org', first: { p_role_years: 'long', p_leaders: '2' }, second: {} },
]

beforeAll(async () => {
  await cli('programme', 'add', '--slug', 'north', '--name', 'North PCN')
  await cli('practice', 'add', '--programme', 'north', '--code', 'B86001', '--name', 'Riverside')
  await cli('wave', 'add', '--programme', 'north', '--slug', 'baseline', '--title', 'Baseline', '--questionnaires', 'pilot', '--open')
})

it('exports every submitted answer exactly once, with the value submitted', async () => {
  const links = (await cli('invites', 'create', '--wave', 'baseline', '--practice', 'B86001', '--count', '4')).stdout.trim().split('\n')
  const config = { ...readConfig({ NODE_ENV: 'test' }), database: database.target, questionnairesFolder: FIXTURE_QUESTIONNAIRES, logRequests: false }
  server = await boot(config)
  const app = createApp({ config, repos: server.repos, services: server.services, sessionSecret: 's' })

  const expected: string[] = []
  for (const [i, person] of PEOPLE.entries()) {
    const client = httpClient(app)
    const path = new URL(links[i]!).pathname
    const start = await client.get(path)
    const token = (await client.post(path, {}, start.csrf)).location!.split('/')[2]!
    await client.submit(`/r/${token}/about-you`, { role: person.role })
    expect((await client.submit(`/r/${token}/pilot/first-page`, person.first)).status).toBe(303)
    expect((await client.submit(`/r/${token}/pilot/second-page`, person.second)).status).toBe(303)
    const check = await client.get(`/r/${token}/check-answers`)
    expect((await client.post(`/r/${token}/check-answers`, {}, check.csrf)).location).toBe(`/r/${token}/confirmation`)
    for (const [item, value] of Object.entries({ ...person.first, ...person.second })) {
      for (const v of [value].flat()) expected.push(`${person.role}|${item}|${v}`)
    }
  }
  // A fourth person starts but does not submit: absent unless --include-partial.
  const partial = httpClient(app)
  const path = new URL(links[3]!).pathname
  const token = (await partial.post(path, {}, (await partial.get(path)).csrf)).location!.split('/')[2]!
  await partial.submit(`/r/${token}/about-you`, { role: 'gp' })
  await partial.submit(`/r/${token}/pilot/first-page`, { p_role_years: 'short', p_leaders: '3' })

  const rows = parse((await cli('export', 'answers', '--wave', 'baseline')).stdout, { columns: true }) as Record<string, string>[]
  expect(Object.keys(rows[0]!)).toEqual([
    'response_id',
    'practice_code',
    'wave',
    'questionnaire',
    'questionnaire_version',
    'role',
    'setting',
    'item',
    'value',
    'excluded',
    'language',
    'practice_list_size',
    'practice_deprivation_quintile',
    'practice_rurality',
    'practice_sp_model',
    'practice_stage',
  ])
  expect(rows.map((r) => `${r.role}|${r.item}|${r.value}`).sort()).toEqual(expected.sort())
  expect(new Set(rows.map((r) => r.response_id)).size).toBe(3)
  expect(rows.every((r) => r.practice_code === 'B86001' && r.wave === 'baseline' && r.questionnaire === 'pilot' && r.questionnaire_version === '1')).toBe(true)
  expect(rows.find((r) => r.role === 'link_worker')!.setting).toBe('link_worker')

  const withPartial = parse((await cli('export', 'answers', '--wave', 'baseline', '--include-partial')).stdout, { columns: true }) as Record<string, string>[]
  expect(withPartial.length).toBe(rows.length + 2)
})
