import { boot, type Linkscore } from '../boot.js'
import { readConfig } from '../config.js'
import type { CliIo } from './cli-io.js'

/** Opens the app's database and questionnaires for one command, and closes them after. */
export async function withLinkscore<T>(io: CliIo, work: (ls: Linkscore, baseUrl: string) => T | Promise<T>): Promise<T> {
  const config = readConfig(io.env)
  const ls = boot({ ...config, databasePath: resolvePath(io, config.databasePath), questionnairesFolder: resolvePath(io, config.questionnairesFolder) })
  try {
    return await work(ls, config.baseUrl)
  } finally {
    ls.repos.close()
  }
}

function resolvePath(io: CliIo, path: string): string {
  return path === ':memory:' || path.startsWith('/') ? path : `${io.cwd}/${path}`
}
