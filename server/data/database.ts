// Opens the configured database, SQLite (a file, the default) or PostgreSQL (a URL), migrated and ready for the repositories.
import type { Compilable, Kysely } from 'kysely'
import type { Schema } from './schema.js'
import { openSqliteDatabase } from './sqlite-database.js'

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string }

/** The queries of one snapshot (LinkscoreDatabase.readSnapshot). */
export interface SnapshotReader {
  /** Every row of a query small enough to hold. */
  all<Row>(query: Compilable<Row>): Promise<Row[]>
  /** The same as arrays of values in the select's order: for many rows, a third of the reading cost of objects. */
  values(query: Compilable<unknown>): Promise<unknown[][]>
  /** A query's rows a batch at a time: a consumer then awaits once a batch, not once a row. */
  batches<Row>(query: Compilable<Row>): AsyncGenerator<Row[]>
}

export interface LinkscoreDatabase {
  readonly kind: DatabaseTarget['kind']
  readonly db: Kysely<Schema>
  /** Where it is, for messages: a file, or a PostgreSQL host and database (never a password). */
  readonly description: string
  /**
   * Reads a query's rows from one consistent snapshot, on a connection of its own, a batch at a time: an export never
   * holds a wave in memory and never stops respondents saving. A reader that stops early lets go of the snapshot.
   */
  stream<Row>(query: Compilable<Row>): AsyncGenerator<Row>
  /**
   * What `read` yields, its queries all reading one consistent snapshot on a connection of their own, as `stream` does:
   * an export can read a wave's responses whole and then their answers, and both agree.
   */
  readSnapshot<T>(read: (reader: SnapshotReader) => AsyncGenerator<T>): AsyncGenerator<T>
  /** Nothing can be read or written after. */
  close(): Promise<void>
}

export async function openDatabase(target: DatabaseTarget): Promise<LinkscoreDatabase> {
  if (target.kind === 'sqlite') return openSqliteDatabase(target.path)
  // Loaded for PostgreSQL only: loading pg (which at once looks for Cloudflare's runtime through fetch's Response) cost
  // a SQLite start some 50 ms.
  const { openPostgresDatabase } = await import('./postgres-database.js')
  return openPostgresDatabase(target.url)
}
