// Builds a real Linkscore for tests: a temporary SQLite file or, with LINKSCORE_TEST_DATABASE=postgres, a fresh schema of
// the test PostgreSQL database; real questionnaires or fixtures.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Kysely } from 'kysely'
import { inject } from 'vitest'
import { createApp } from '../../server/app.js'
import { boot, type Linkscore } from '../../server/boot.js'
import type { Clock } from '../../server/clock.js'
import { readConfig, type Config } from '../../server/config.js'
import { copyDatabase } from '../../server/data/copy-database.js'
import { openDatabase, type DatabaseTarget } from '../../server/data/database.js'
import type { Schema } from '../../server/data/schema.js'
import { DEFAULT_STAFF_SECURITY, type SignInLimits, type StaffSecuritySettings } from '../../server/services/staff-security-settings.js'
import { questionnairesLoadedOnce } from './questionnaires-loaded-once.js'
import { createTestSchema } from './postgres.js'

export const REAL_QUESTIONNAIRES = 'questionnaires'
export const FIXTURE_QUESTIONNAIRES = 'test/fixtures/questionnaires'
/** Folders no test writes to, so their questionnaires can be loaded once. */
const REPOSITORY_FOLDERS = new Set([REAL_QUESTIONNAIRES, FIXTURE_QUESTIONNAIRES])

/** Which database the tests run on: set by the "postgres" project in vitest.config.ts. */
export const TEST_DATABASE: DatabaseTarget['kind'] = process.env.LINKSCORE_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite'

export interface TestLinkscore extends Linkscore {
  config: Config
  folder: string
  app: ReturnType<typeof createApp>
  /** The app's own query builder on the same database: for set-up and checks no repository offers. */
  db: Kysely<Schema>
  /** Environment variables that point a command-line or server process at the same database. */
  databaseEnv: Record<string, string>
  close(): Promise<void>
}

/** Cheap password hashing, so tests that sign in stay fast; the real cost is tested in test/services/passwords.test.ts. */
export const TEST_STAFF_SECURITY: StaffSecuritySettings = { ...DEFAULT_STAFF_SECURITY, passwordCost: { N: 1024, r: 8, p: 1 } }

/** A database of its own for one test Linkscore: a SQLite file in `folder`, or a fresh PostgreSQL schema. */
export async function testDatabase(
  folder: string,
  kind: DatabaseTarget['kind'] = TEST_DATABASE,
): Promise<{ target: DatabaseTarget; env: Record<string, string>; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const path = join(folder, 'test.db')
    // What migrating an empty file would make, without the migrations' seconds over a whole run (see global-setup.ts).
    copyFileSync(inject('migratedSqliteDatabase'), path)
    return { target: { kind: 'sqlite', path }, env: { LINKSCORE_DB: path }, drop: async () => {} }
  }
  const schema = await createTestSchema()
  return { target: { kind: 'postgres', url: schema.url }, env: { LINKSCORE_DATABASE_URL: schema.url }, drop: schema.drop }
}

export async function testLinkscore(
  opts: {
    questionnaires?: string
    production?: boolean
    clock?: Clock
    signIn?: Partial<SignInLimits>
    log?: (...args: unknown[]) => void
    /** Which database, when a test needs a particular one rather than the project's. */
    database?: DatabaseTarget['kind']
    /** Settings that the environment would give, such as smaller limits. */
    config?: Partial<Pick<Config, 'openLinkStarts' | 'trustProxy' | 'writeTimeoutMs' | 'smtp' | 'baseUrl' | 'scoringThreads'>>
    /** Templates compiled once, as in production (the default: compiled afresh, a simple page took 5–9 ms instead of 3–5), or as the mode sets. */
    templates?: 'compiled once' | 'as the mode sets'
    /** Starts as a copy of this one's database, rows and ids alike: a seeding shared by a file's tests, each with its own copy. */
    copyOf?: TestLinkscore
  } = {},
): Promise<TestLinkscore> {
  const folder = mkdtempSync(join(tmpdir(), 'linkscore-test-'))
  const database = await testDatabase(folder, opts.database)
  if (opts.copyOf) await copyInto(database.target, opts.copyOf)
  const config: Config = {
    ...readConfig({ NODE_ENV: opts.production ? 'production' : 'test' }),
    database: database.target,
    questionnairesFolder: opts.questionnaires ?? FIXTURE_QUESTIONNAIRES,
    demo: false,
    logRequests: false,
    // Inline unless a test asks for threads: a pool for every test app would start threads the test never uses.
    scoringThreads: 0,
    ...opts.config,
  }
  const staffSecurity = { ...TEST_STAFF_SECURITY, signIn: { ...TEST_STAFF_SECURITY.signIn, ...opts.signIn } }
  const ls = await boot(
    config,
    opts.clock,
    staffSecurity,
    REPOSITORY_FOLDERS.has(config.questionnairesFolder) ? questionnairesLoadedOnce(config.questionnairesFolder) : undefined,
  )
  const app = createApp({ config, repos: ls.repos, services: ls.services, sessionSecret: 'test-secret', clock: opts.clock, log: opts.log ?? (() => {}) })
  if ((opts.templates ?? 'compiled once') === 'compiled once') app.set('view cache', true)
  return {
    ...ls,
    config,
    folder,
    app,
    db: ls.database.db,
    databaseEnv: database.env,
    async close() {
      await ls.services.scoring.close()
      await ls.repos.close()
      await database.drop()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

async function copyInto(target: DatabaseTarget, original: TestLinkscore): Promise<void> {
  const copy = await openDatabase(target)
  try {
    await copyDatabase(original.database, copy)
  } finally {
    await copy.close()
  }
}

/** A programme with one practice and an open wave of the given questionnaires. */
export async function seedProgramme(ls: Linkscore, questionnaires: string[], { open = true, practice = 'P001' } = {}) {
  const admin = ls.services.admin
  if (!(await ls.repos.programmes.findBySlug('test'))) await admin.addProgramme({ slug: 'test', name: 'Test programme' })
  const p = await admin.addPractice({ programme: 'test', code: practice, name: `Practice ${practice}` })
  const wave =
    (await ls.repos.waves.findBySlug((await ls.repos.programmes.findBySlug('test'))!.id, 'baseline')) ??
    (await admin.addWave({ programme: 'test', slug: 'baseline', title: 'Baseline survey', questionnaires, open }))
  return { practice: p, wave }
}

/** Starts the app on a free loopback port (for the browser tests). */
export async function listen(app: TestLinkscore['app']): Promise<{ url: string; stop(): Promise<void> }> {
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
