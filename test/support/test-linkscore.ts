// Builds a real Linkscore (temporary SQLite file, real questionnaires or fixtures) for tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { createApp } from '../../server/app.js'
import { boot, type Linkscore } from '../../server/boot.js'
import type { Clock } from '../../server/clock.js'
import { readConfig, type Config } from '../../server/config.js'
import { openDatabase, type Db } from '../../server/data/database.js'
import { DEFAULT_STAFF_SECURITY, type SignInLimits, type StaffSecuritySettings } from '../../server/services/staff-security-settings.js'

export const REAL_QUESTIONNAIRES = 'questionnaires'
export const FIXTURE_QUESTIONNAIRES = 'test/fixtures/questionnaires'

export interface TestLinkscore extends Linkscore {
  config: Config
  folder: string
  app: ReturnType<typeof createApp>
  /** The test's own connection to the same database file, opened when first used: for set-up and checks no repository offers. */
  readonly db: Db
  close(): void
}

/** Cheap password hashing, so tests that sign in stay fast; the real cost is tested in test/services/passwords.test.ts. */
export const TEST_STAFF_SECURITY: StaffSecuritySettings = { ...DEFAULT_STAFF_SECURITY, passwordCost: { N: 1024, r: 8, p: 1 } }

export function testLinkscore(
  opts: { questionnaires?: string; production?: boolean; clock?: Clock; signIn?: Partial<SignInLimits>; log?: (...args: unknown[]) => void } = {},
): TestLinkscore {
  const folder = mkdtempSync(join(tmpdir(), 'linkscore-test-'))
  const config: Config = {
    ...readConfig({ NODE_ENV: opts.production ? 'production' : 'test' }),
    databasePath: join(folder, 'test.db'),
    questionnairesFolder: opts.questionnaires ?? FIXTURE_QUESTIONNAIRES,
    demo: false,
    logRequests: false,
  }
  const ls = boot(config, opts.clock, { ...TEST_STAFF_SECURITY, signIn: { ...TEST_STAFF_SECURITY.signIn, ...opts.signIn } })
  const app = createApp({ config, repos: ls.repos, services: ls.services, sessionSecret: 'test-secret', log: opts.log ?? (() => {}) })
  let db: Db | undefined
  return {
    ...ls,
    config,
    folder,
    app,
    get db() {
      return (db ??= openDatabase(config.databasePath))
    },
    close() {
      db?.close()
      ls.repos.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

/** A programme with one practice and an open wave of the given questionnaires. */
export function seedProgramme(ls: Linkscore, questionnaires: string[], { open = true, practice = 'P001' } = {}) {
  const admin = ls.services.admin
  if (!ls.repos.programmes.findBySlug('test')) admin.addProgramme({ slug: 'test', name: 'Test programme' })
  const p = admin.addPractice({ programme: 'test', code: practice, name: `Practice ${practice}` })
  const wave =
    ls.repos.waves.findBySlug(ls.repos.programmes.findBySlug('test')!.id, 'baseline') ??
    admin.addWave({ programme: 'test', slug: 'baseline', title: 'Baseline survey', questionnaires, open })
  return { practice: p, wave }
}

/** Starts the app on a free loopback port (for the browser tests). */
export async function listen(app: TestLinkscore['app']): Promise<{ url: string; stop(): Promise<void> }> {
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
