// SQLite through better-sqlite3: one file, no server; the embedded default.
import Database from 'better-sqlite3'
import { Kysely, type Compilable } from 'kysely'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseUnavailableError } from './database-errors.js'
import type { LinkscoreDatabase } from './database.js'
import { GroupCommitSqliteDialect } from './group-commit-driver.js'
import type { Schema } from './schema.js'

const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations', 'sqlite')
const MIGRATION_FILE = /^\d{3}-[a-z0-9-]+\.sql$/
const STATEMENT_CACHE_SIZE = 500

export function openSqliteDatabase(path: string): LinkscoreDatabase {
  const raw = openReadyConnection(path)
  const dialect = new GroupCommitSqliteDialect({ database: withStatementCache(raw) }, () => raw.inTransaction)
  const db = new Kysely<Schema>({ dialect })
  const readers = new Set<Reader>()
  return {
    kind: 'sqlite',
    db,
    description: `SQLite database ${path}`,
    stream: (query) => streamSeparately(raw, readers, query),
    async close() {
      // A reader still open would keep the write-ahead log, which only the last connection to close can empty.
      for (const reader of readers) endReader(readers, reader)
      await dialect.settle()
      // The log emptied into the file, so that the file alone is the whole database (for a backup or a copy).
      if (raw.open) raw.pragma('wal_checkpoint(TRUNCATE)')
      await db.destroy()
    },
  }
}

function openReadyConnection(path: string): Database.Database {
  try {
    return openConnection(path)
  } catch (error) {
    if (!(error instanceof Database.SqliteError) && !(error as NodeJS.ErrnoException).code) throw error
    throw new DatabaseUnavailableError(`LINKSCORE_DB: cannot open the SQLite database ${path}: ${(error as Error).message}`)
  }
}

/** Opens the file with safe settings and applies the numbered migrations not yet applied. */
export function openConnection(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const raw = new Database(path)
  try {
    raw.pragma('journal_mode = WAL')
    // FULL: a page confirmed with a 303 is on disk, even through a power cut (NORMAL can lose the last commits then).
    raw.pragma('synchronous = FULL')
    raw.pragma('foreign_keys = ON')
    raw.pragma('busy_timeout = 5000')
    migrate(raw)
    return raw
  } catch (error) {
    raw.close()
    throw error
  }
}

export function migrate(raw: Database.Database, folder = MIGRATIONS_FOLDER): string[] {
  raw.exec('CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)')
  const applied = new Set(raw.prepare('SELECT name FROM schema_migration').pluck().all() as string[])
  const pending = readdirSync(folder)
    .filter((name) => MIGRATION_FILE.test(name) && !applied.has(name))
    .sort()
  const record = raw.prepare('INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)')
  for (const name of pending) {
    raw.transaction(() => {
      raw.exec(readFileSync(join(folder, name), 'utf8'))
      record.run(name, new Date().toISOString())
    })()
  }
  return pending
}

/**
 * Kysely prepares every query afresh; the app runs the same few dozen queries over and over, so their prepared
 * statements are kept. Kysely holds the one connection for one query at a time, so a statement is never used twice at once.
 */
function withStatementCache(raw: Database.Database) {
  const statements = new Map<string, Database.Statement>()
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = statements.get(sql)
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear()
        statement = raw.prepare(sql)
        statements.set(sql, statement)
      }
      return statement
    },
  }
}

/** A stream's own read-only connection and the rows it is reading, kept so that closing the database can end them. */
interface Reader {
  connection: Database.Database
  rows: IterableIterator<unknown>
}

/**
 * Iterates on a read-only connection of its own, opened at the first row and closed at the last (or when the reader
 * stops early): while an iterator is open on a connection, SQLite refuses writes on it, and Kysely would hold the shared
 * connection for the whole download. (An in-memory database has no file to open twice: it is read at once.)
 */
async function* streamSeparately<Row>(raw: Database.Database, readers: Set<Reader>, query: Compilable<Row>): AsyncGenerator<Row> {
  const { sql, parameters } = query.compile()
  if (raw.memory) {
    yield* raw.prepare(sql).all(...parameters) as Row[]
    return
  }
  const connection = new Database(raw.name, { readonly: true, fileMustExist: true })
  const statement = connection.prepare(sql)
  const names = statement.columns().map((column) => column.name)
  const reader = { connection, rows: statement.raw(true).iterate(...parameters) as IterableIterator<unknown[]> }
  readers.add(reader)
  try {
    // Rows read as arrays and made objects here: better-sqlite3 makes its row objects at about half this speed.
    for (const values of reader.rows) {
      const row: Record<string, unknown> = {}
      for (let i = 0; i < names.length; i++) row[names[i]!] = values[i]
      yield row as Row
    }
    // Ended by closing the database, not by the last row: the rows read are not the whole answer.
    if (!readers.has(reader)) throw new Error('The database was closed while an export was reading it')
  } finally {
    endReader(readers, reader)
  }
}

function endReader(readers: Set<Reader>, reader: Reader): void {
  readers.delete(reader)
  reader.rows.return?.()
  reader.connection.close()
}
