// PostgreSQL through pg: for a hosted service, several app processes on one database.
import { Kysely, PostgresDialect, type Compilable } from 'kysely'
import pg from 'pg'
import Cursor from 'pg-cursor'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseUnavailableError } from './database-errors.js'
import { rowsOf } from './batch-rows.js'
import type { LinkscoreDatabase, SnapshotReader } from './database.js'
import type { Schema } from './schema.js'

const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations', 'postgres')
const MIGRATION_FILE = /^\d{3}-[a-z0-9-]+\.sql$/
/** Any fixed number: every app process takes this lock to migrate, so two starting at once do not both migrate. */
const MIGRATION_LOCK = 7_301_771
const STREAM_BATCH_ROWS = 1000
const INT8 = 20

/** count(*) and the millisecond columns are bigint: read as numbers (all stay far below 2^53). Shared with read-only-database.ts. */
export const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

export async function openPostgresDatabase(url: string): Promise<LinkscoreDatabase> {
  const description = `PostgreSQL database ${describe(url)}`
  const pool = new pg.Pool({ connectionString: url, types, max: 10, connectionTimeoutMillis: 10_000 })
  // An idle connection the server closed: the pool replaces it; without a listener the process would stop.
  pool.on('error', (error) => console.error(`${description}: ${error.message}`))
  try {
    await migrate(pool)
  } catch (error) {
    await pool.end()
    throw new DatabaseUnavailableError(`LINKSCORE_DATABASE_URL: cannot use the ${description}: ${(error as Error).message}`)
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) })
  return {
    kind: 'postgres',
    db,
    description,
    stream: (query) => readSnapshot(pool, (reader) => rowsOf(reader.batches(query))),
    readSnapshot: (read) => readSnapshot(pool, read),
    close: () => db.destroy(),
  }
}

/** host:port/database, without user or password. */
function describe(url: string): string {
  const { host, pathname } = new URL(url)
  return `${host || 'localhost'}${pathname}`
}

export async function migrate(pool: pg.Pool, folder = MIGRATIONS_FOLDER): Promise<string[]> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at text NOT NULL)')
    const applied = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migration')).rows.map((r) => r.name))
    const pending = readdirSync(folder)
      .filter((name) => MIGRATION_FILE.test(name) && !applied.has(name))
      .sort()
    for (const name of pending) {
      await client.query(readFileSync(join(folder, name), 'utf8'))
      await client.query('INSERT INTO schema_migration (name, applied_at) VALUES ($1, $2)', [name, new Date().toISOString()])
    }
    await client.query('COMMIT')
    return pending
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/** A read-only REPEATABLE READ transaction on a connection of its own, its large queries read through a cursor a batch at a time. */
async function* readSnapshot<T>(pool: pg.Pool, read: (reader: SnapshotReader) => AsyncGenerator<T>): AsyncGenerator<T> {
  const client = await pool.connect()
  let failure: Error | undefined
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    yield* read(onClient(client))
  } catch (error) {
    failure = error as Error
    throw error
  } finally {
    // Read-only: ending it either way changes nothing; a broken connection is thrown away rather than reused.
    await client.query('ROLLBACK').catch((error: Error) => (failure ??= error))
    client.release(failure)
  }
}

function onClient(client: pg.PoolClient): SnapshotReader {
  return {
    async all<Row>(query: Compilable<Row>) {
      const { sql, parameters } = query.compile()
      return (await client.query({ text: sql, values: parameters as unknown[], types })).rows as Row[]
    },
    async values(query) {
      const { sql, parameters } = query.compile()
      return (await client.query({ text: sql, values: parameters as unknown[], types, rowMode: 'array' })).rows as unknown[][]
    },
    async *batches<Row>(query: Compilable<Row>) {
      const { sql, parameters } = query.compile()
      const cursor = client.query(new Cursor<Row>(sql, parameters as unknown[], { types }))
      try {
        for (let rows = await cursor.read(STREAM_BATCH_ROWS); rows.length > 0; rows = await cursor.read(STREAM_BATCH_ROWS)) yield rows
      } finally {
        await cursor.close()
      }
    },
  }
}
