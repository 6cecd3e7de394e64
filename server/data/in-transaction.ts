import type { Kysely, Transaction } from 'kysely'
import type { Schema } from './schema.js'

/** Runs `work` in a transaction of its own, or in the one `db` already is (Kysely does not nest them). */
export function inTransaction<T>(db: Kysely<Schema>, work: (trx: Kysely<Schema>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute((trx: Transaction<Schema>) => work(trx))
}
