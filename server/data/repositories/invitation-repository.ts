import type { Kysely } from 'kysely'
import { inTransaction } from '../in-transaction.js'
import type { InvitationRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

const COLUMNS = ['id', 'wave_id as waveId', 'practice_id as practiceId', 'token', 'preset_role as presetRole', 'used_at as usedAt'] as const
/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH = 500

export function invitationRepository(db: Kysely<Schema>): InvitationRepository {
  const select = () => db.selectFrom('invitation').select(COLUMNS)
  return {
    findByToken: (token) => select().where('token', '=', token).executeTakeFirst(),
    findById: (id) => select().where('id', '=', id).executeTakeFirst(),
    findUnused: (waveId, practiceId) =>
      select()
        .where('wave_id', '=', waveId)
        .where('practice_id', '=', practiceId)
        .where('used_at', 'is', null)
        .where('preset_role', 'is', null)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst(),
    createMany: async (waveId, practiceId, tokens, presetRole) => {
      const rows = tokens.map((token) => ({ wave_id: waveId, practice_id: practiceId, token, preset_role: presetRole }))
      const insertAll = async (trx: Kysely<Schema>) => {
        for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('invitation').values(rows.slice(i, i + BATCH)).execute()
      }
      await inTransaction(db, insertAll)
    },
    markUsed: async (id, at) => {
      await db.updateTable('invitation').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).execute()
    },
  }
}
