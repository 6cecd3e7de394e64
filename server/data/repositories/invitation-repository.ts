import type { Kysely } from 'kysely'
import { compiledOnce } from '../compiled-once.js'
import { inTransaction } from '../in-transaction.js'
import type { InvitationRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { isUniqueViolation } from '../unique-violation.js'

const COLUMNS = [
  'id',
  'wave_id as waveId',
  'practice_id as practiceId',
  'token',
  'preset_role as presetRole',
  'used_at as usedAt',
  'short_code as shortCode',
] as const
/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH = 500
/** Read by every journey page of an invited response: compiled once (see compiled-once.ts). */
const byId = compiledOnce((db, id: number) => db.selectFrom('invitation').select(COLUMNS).where('id', '=', id))

export function invitationRepository(db: Kysely<Schema>): InvitationRepository {
  const select = () => db.selectFrom('invitation').select(COLUMNS)
  return {
    findByToken: (token) => select().where('token', '=', token).executeTakeFirst(),
    findById: async (id) => (await byId(db, id)).rows[0],
    findByShortCode: (shortCode) => select().where('short_code', '=', shortCode).executeTakeFirst(),
    findUnused: (waveId, practiceId) =>
      select()
        .where('wave_id', '=', waveId)
        .where('practice_id', '=', practiceId)
        .where('used_at', 'is', null)
        .where('preset_role', 'is', null)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst(),
    createMany: async (waveId, practiceId, invitations, presetRole) => {
      const rows = invitations.map((i) => ({ wave_id: waveId, practice_id: practiceId, token: i.token, short_code: i.shortCode, preset_role: presetRole }))
      const insertAll = async (trx: Kysely<Schema>) => {
        for (let i = 0; i < rows.length; i += BATCH)
          await trx
            .insertInto('invitation')
            .values(rows.slice(i, i + BATCH))
            .execute()
      }
      await inTransaction(db, insertAll)
    },
    listByWave: (waveId) =>
      db
        .selectFrom('invitation as i')
        .innerJoin('practice as p', 'p.id', 'i.practice_id')
        .where('i.wave_id', '=', waveId)
        .select([
          'i.id',
          'p.code as practiceCode',
          'p.name as practiceName',
          'i.preset_role as presetRole',
          'i.token',
          'i.short_code as shortCode',
          'i.used_at as usedAt',
        ])
        .orderBy('p.code')
        .orderBy('i.id')
        .execute(),
    assignShortCode: async (id, shortCode) => {
      try {
        const result = await db.updateTable('invitation').set({ short_code: shortCode }).where('id', '=', id).where('short_code', 'is', null).executeTakeFirst()
        return Number(result.numUpdatedRows) === 1
      } catch (error) {
        if (isUniqueViolation(error)) return false
        throw error
      }
    },
    markUsed: async (id, at) => {
      await db.updateTable('invitation').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).execute()
    },
  }
}
