// A read-only connection to the configured database for a worker thread that reads what it scores (wave-scorer-pool.ts):
// no migrations, no writes, and nothing shared with the app's own connections.
import Database from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { DatabaseTarget } from './database.js'
import { types } from './postgres-database.js'
import type { Schema } from './schema.js'

export interface ReadOnlyDatabase {
  readonly db: Kysely<Schema>
  close(): Promise<void>
}

export function openReadOnlyDatabase(target: DatabaseTarget): ReadOnlyDatabase {
  if (target.kind === 'sqlite') {
    if (target.path === ':memory:') throw new Error('An in-memory SQLite database cannot be opened by a second connection: score it inline')
    // The app has opened (and migrated) the file already: a reader never creates it, and waits for a writer as the app does.
    const raw = new Database(target.path, { readonly: true, fileMustExist: true })
    raw.pragma('busy_timeout = 5000')
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) })
    return { db, close: () => db.destroy() }
  }
  // One connection is enough: a worker reads one wave at a time.
  const pool = new pg.Pool({ connectionString: target.url, types, max: 1, connectionTimeoutMillis: 10_000 })
  // Sent before any query on the connection (a client runs its queries in order): every transaction on it is read-only.
  pool.on('connect', (client) => void client.query('SET default_transaction_read_only = on').catch(() => {}))
  pool.on('error', (error) => console.error(`Scoring worker's database connection: ${error.message}`))
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) })
  return { db, close: () => db.destroy() }
}
