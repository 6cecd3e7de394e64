import { boot, type Linkscore } from '../boot.js'
import { readConfig, type Config } from '../config.js'
import type { CliIo } from './cli-io.js'

/** Opens the app's database and questionnaires for one command, and closes them after. */
export async function withLinkscore<T>(io: CliIo, work: (ls: Linkscore, baseUrl: string) => T | Promise<T>): Promise<T> {
  const config = readConfig(io.env)
  const ls = await boot({
    database: resolveDatabase(io, config.database),
    questionnairesFolder: resolvePath(io, config.questionnairesFolder),
    smtp: config.smtp,
    baseUrl: config.baseUrl,
    oneOff: true,
  })
  try {
    return await work(ls, config.baseUrl)
  } finally {
    await ls.repos.close()
  }
}

function resolveDatabase(io: CliIo, database: Config['database']): Config['database'] {
  return database.kind === 'sqlite' ? { kind: 'sqlite', path: resolvePath(io, database.path) } : database
}

function resolvePath(io: CliIo, path: string): string {
  return path === ':memory:' || path.startsWith('/') ? path : `${io.cwd}/${path}`
}
