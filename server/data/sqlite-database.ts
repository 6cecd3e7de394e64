// SQLite through better-sqlite3: one file, no server; the embedded default.
import Database from 'better-sqlite3'
import { Kysely, type Compilable } from 'kysely'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseUnavailableError } from './database-errors.js'
import { rowsOf } from './batch-rows.js'
import type { LinkscoreDatabase, SnapshotReader } from './database.js'
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
    stream: (query) => readSeparately(raw, readers, (reader) => rowsOf(reader.batches(query))),
    readSnapshot: (read) => readSeparately(raw, readers, read),
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

/** A snapshot's own read-only connection and the rows it is reading, kept so that closing the database can end them. */
interface Reader {
  connection: Database.Database
  /** The connection's prepared statements: an export runs the same query for each batch. */
  statements: Preparer
  rows: Set<IterableIterator<unknown>>
}

type Preparer = { prepare(sql: string): Database.Statement }

/** Rows a batch holds: a batch is read without a turn of the event loop, and a thousand keep a turn short. */
const BATCH_ROWS = 1000

/** A closed database ends its readers' rows early: the rows read are then not the whole answer. */
const CLOSED = 'The database was closed while an export was reading it'

/**
 * Reads on a read-only connection of its own, opened at the first query and closed at the last (or when the reader
 * stops early), in one read transaction, so that every query sees the snapshot the first took: while an iterator is
 * open on a connection SQLite refuses writes on it, and Kysely would hold the shared connection for the whole download.
 * (An in-memory database has no file to open twice: it is read at once.)
 */
async function* readSeparately<T>(raw: Database.Database, readers: Set<Reader>, read: (reader: SnapshotReader) => AsyncGenerator<T>): AsyncGenerator<T> {
  if (raw.memory) {
    yield* read(inMemory(raw))
    return
  }
  const connection = new Database(raw.name, { readonly: true, fileMustExist: true })
  // SQLite's own default page cache (2 MB), not better-sqlite3's 16 MB: a snapshot reads what it reads about once, from
  // the operating system's cache of the file, and its cache is the export process's memory.
  connection.pragma('cache_size = -2000')
  const reader: Reader = { connection, statements: withStatementCache(connection), rows: new Set() }
  readers.add(reader)
  try {
    reader.connection.exec('BEGIN')
    yield* read(separately(reader, readers))
    if (!readers.has(reader)) throw new Error(CLOSED)
  } finally {
    endReader(readers, reader)
  }
}

/** A query's rows, as objects or as arrays of values. */
function rowsOn<Row>(connection: Preparer, query: Compilable<Row>, arrays: boolean): unknown[] {
  const { sql, parameters } = query.compile()
  return connection
    .prepare(sql)
    .raw(arrays)
    .all(...parameters)
}

function inMemory(raw: Database.Database): SnapshotReader {
  const all = <Row>(query: Compilable<Row>) => rowsOn(raw, query, false) as Row[]
  return {
    all: async (query) => all(query),
    values: async (query) => rowsOn(raw, query, true) as unknown[][],
    async *batches(query) {
      yield all(query)
    },
  }
}

function separately(reader: Reader, readers: Set<Reader>): SnapshotReader {
  return {
    all: async <Row>(query: Compilable<Row>) => rowsOn(open(reader, readers), query, false) as Row[],
    values: async (query) => rowsOn(open(reader, readers), query, true) as unknown[][],
    async *batches<Row>(query: Compilable<Row>) {
      const { sql, parameters } = query.compile()
      const statement = reader.connection.prepare(sql)
      const names = statement.columns().map((column) => column.name)
      const rows = statement.raw(true).iterate(...parameters) as IterableIterator<unknown[]>
      reader.rows.add(rows)
      try {
        for (let batch = rowBatch(rows, names); batch.length > 0; batch = rowBatch(rows, names)) yield batch as Row[]
        if (!readers.has(reader)) throw new Error(CLOSED)
      } finally {
        reader.rows.delete(rows)
        rows.return?.()
      }
    },
  }
}

/** Up to BATCH_ROWS rows, read as arrays and made objects here: better-sqlite3 makes its row objects at about half this speed. */
function rowBatch(rows: IterableIterator<unknown[]>, names: readonly string[]): Record<string, unknown>[] {
  const batch: Record<string, unknown>[] = []
  for (let next = rows.next(); !next.done; next = rows.next()) {
    const row: Record<string, unknown> = {}
    for (let i = 0; i < names.length; i++) row[names[i]!] = next.value[i]
    if (batch.push(row) === BATCH_ROWS) break
  }
  return batch
}

/** The reader's statements, unless closing the database ended it. */
function open(reader: Reader, readers: Set<Reader>): Preparer {
  if (!readers.has(reader)) throw new Error(CLOSED)
  return reader.statements
}

function endReader(readers: Set<Reader>, reader: Reader): void {
  readers.delete(reader)
  for (const rows of reader.rows) rows.return?.()
  reader.connection.close()
}
