// `linkscore db copy` moves a whole study between SQLite and PostgreSQL: the demo goes SQLite → PostgreSQL → SQLite and
// every export is byte for byte the same at each step.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot } from '../../server/boot.js'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { createTestSchema, postgresTestUrl } from '../support/postgres.js'
import { runCli } from '../support/run-cli.js'
import { REAL_QUESTIONNAIRES, TEST_DATABASE } from '../support/test-linkscore.js'

const EXPORTS = [
  ['answers', '--wave', 'baseline', '--include-partial'],
  ['answers', '--wave', 'six-months'],
  ['responses', '--wave', 'six-months', '--include-partial'],
  ['codebook'],
  ['scores', '--wave', 'six-months'],
  ['scale-stats', '--wave', 'baseline', '--weighting', 'settings'],
  ['change', '--from', 'baseline', '--to', 'six-months'],
  ['answers', '--wave', 'twelve-months'],
  ['change', '--from', 'six-months', '--to', 'twelve-months'],
  ['actions', '--programme', 'demo'],
]

// The test picks both databases itself, so it runs once, in the SQLite project.
describe.skipIf(TEST_DATABASE !== 'sqlite' || !postgresTestUrl())('db copy', () => {
  let folder: string
  let postgres: Awaited<ReturnType<typeof createTestSchema>>
  const sqliteEnv = (name: string) => ({ LINKSCORE_DB: join(folder, name), LINKSCORE_QUESTIONNAIRES: REAL_QUESTIONNAIRES })
  const postgresEnv = () => ({ LINKSCORE_DATABASE_URL: postgres.url, LINKSCORE_QUESTIONNAIRES: REAL_QUESTIONNAIRES })
  const allExports = async (env: Record<string, string>) => {
    const files: string[] = []
    for (const args of EXPORTS) {
      const result = await runCli(['export', ...args], env)
      expect(result.stderr).toBe('')
      files.push(result.stdout)
    }
    return files
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'linkscore-copy-'))
    postgres = await createTestSchema()
    const demo = await boot({ database: { kind: 'sqlite', path: join(folder, 'laptop.db') }, questionnairesFolder: REAL_QUESTIONNAIRES })
    await seedDemo(demo.repos, demo.services)
    await demo.repos.close()
  })
  afterAll(async () => {
    await postgres.drop()
    rmSync(folder, { recursive: true, force: true })
  })

  it('round-trips the demo SQLite → PostgreSQL → SQLite with identical exports', async () => {
    const original = await allExports(sqliteEnv('laptop.db'))
    expect(original[0]!.split('\n').length).toBeGreaterThan(1000)

    const there = await runCli(['db', 'copy', '--from', join(folder, 'laptop.db'), '--to', postgres.url], {})
    expect(there.stderr).toBe('')
    expect(there.stdout).toMatch(/^Copied \d+ rows from the SQLite database .* to the PostgreSQL database /)
    expect(there.stdout).toMatch(/ {2}answer {16} 4594\n/)
    expect(there.stdout).toMatch(/Row counts match, and so does the checksum of the answers \(sha256:[0-9a-f]{64}\)/)
    expect(await allExports(postgresEnv())).toEqual(original)

    const back = await runCli(['db', 'copy', '--from', postgres.url, '--to', join(folder, 'back.db')], {})
    expect(back.stderr).toBe('')
    expect(await allExports(sqliteEnv('back.db'))).toEqual(original)
  })

  it('goes on numbering after the copied rows: a new response on PostgreSQL gets the next id', async () => {
    const ls = await boot({ database: { kind: 'postgres', url: postgres.url }, questionnairesFolder: REAL_QUESTIONNAIRES })
    const link = await ls.services.survey.openLink('DEMO01', 'twelve-months')
    const response = await ls.services.survey.startFromOpenLink(link)
    await ls.repos.close()
    expect(response.id).toBe(91)
  })

  it('refuses a target that already holds data, saying which and changing nothing', async () => {
    const result = await runCli(['db', 'copy', '--from', join(folder, 'laptop.db'), '--to', join(folder, 'back.db')], {})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^linkscore: --to: the SQLite database .*back\.db already holds data \(1 in programme, 3 in practice, .*\); copy into a new, empty database\n$/,
    )
  })

  it('names the option when a database cannot be reached', async () => {
    const result = await runCli(['db', 'copy', '--from', join(folder, 'laptop.db'), '--to', 'postgres://nobody:secret@127.0.0.1:1/none'], {})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('cannot use the PostgreSQL database 127.0.0.1:1/none')
    expect(result.stderr).not.toContain('secret')
  })
})
