// Opens the configured database, SQLite (a file, the default) or PostgreSQL (a URL), migrated and ready for the repositories.
import type { Compilable, Kysely } from 'kysely'
import { openPostgresDatabase } from './postgres-database.js'
import type { Schema } from './schema.js'
import { openSqliteDatabase } from './sqlite-database.js'

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string }

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
  /** Nothing can be read or written after. */
  close(): Promise<void>
}

export function openDatabase(target: DatabaseTarget): Promise<LinkscoreDatabase> {
  return target.kind === 'sqlite' ? Promise.resolve(openSqliteDatabase(target.path)) : openPostgresDatabase(target.url)
}
