// A fresh database (SQLite file or PostgreSQL schema) for each test of a CLI command file, the CLI run in-process on
// it, and a way to look at what it stored: the set-up every test/cli/commands file shares.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { boot, type Linkscore } from '../../server/boot.js'
import { runCli, type CliResult } from './run-cli.js'
import { auditLines } from './staff-users.js'
import { FIXTURE_QUESTIONNAIRES, testDatabase } from './test-linkscore.js'

export interface CliDatabase {
  /** Runs `linkscore <args>` against this test's database. */
  cli(...args: string[]): Promise<CliResult>
  /** Opens the database the CLI wrote to, for a look. */
  inDatabase<T>(look: (ls: Linkscore) => Promise<T>): Promise<T>
  /** The audit log as `action who {detail}` lines, oldest first. */
  audit(): Promise<string[]>
  /** Where the test may put files (removed after it). */
  readonly folder: string
}

/** Registers the hooks; call once at the top of a test file, before its own beforeEach. */
export function cliDatabase(extraEnv: Record<string, string> = {}): CliDatabase {
  let folder = ''
  let database: Awaited<ReturnType<typeof testDatabase>> | undefined
  let env: Record<string, string> = {}
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'linkscore-cli-'))
    database = await testDatabase(folder)
    env = { ...database.env, LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES, ...extraEnv }
  })
  afterEach(async () => {
    await database?.drop()
    rmSync(folder, { recursive: true, force: true })
  })
  const inDatabase = async <T>(look: (ls: Linkscore) => Promise<T>): Promise<T> => {
    const ls = await boot({ database: database!.target, questionnairesFolder: FIXTURE_QUESTIONNAIRES })
    try {
      return await look(ls)
    } finally {
      await ls.repos.close()
    }
  }
  return {
    cli: (...args) => runCli(args, env),
    inDatabase,
    audit: () => inDatabase(auditLines),
    get folder() {
      return folder
    },
  }
}
