// Once per test run: a folder for the tests' temporary files, and an empty SQLite database with every migration applied,
// which each SQLite test database starts as a copy of (see testDatabase) instead of migrating afresh.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openConnection } from '../../server/data/sqlite-database.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where os.tmpdir() points in the tests (see worker-setup.ts). */
    testTemporaryFolder: string
    /** The migrated empty SQLite database to copy. */
    migratedSqliteDatabase: string
  }
}

// In memory where Linux offers it: the tests' databases are written with synchronous = FULL, and an fsync to disk per
// commit costs more than the test's own work. A process killed (test/data/crash-safety.test.ts) keeps its writes either way.
const SHARED_MEMORY = '/dev/shm'

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(existsSync(SHARED_MEMORY) ? SHARED_MEMORY : tmpdir(), 'linkscore-tests-'))
  const template = join(folder, 'migrated.db')
  // Closing the only connection empties the write-ahead log into the file, so the file alone is the whole database.
  openConnection(template).close()
  project.provide('testTemporaryFolder', folder)
  project.provide('migratedSqliteDatabase', template)
  return () => rmSync(folder, { recursive: true, force: true })
}
