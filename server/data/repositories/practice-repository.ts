import type { Kysely } from 'kysely'
import type { NewPractice, PracticeDetails } from '../../domain/practice.js'
import { compiledOnce } from '../compiled-once.js'
import { inTransaction } from '../in-transaction.js'
import type { PracticeRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { notExcluded } from './not-excluded.js'

const COLUMNS = [
  'id',
  'programme_id as programmeId',
  'code',
  'name',
  'list_size as listSize',
  'deprivation_quintile as deprivationQuintile',
  'rurality',
  'sp_model as spModel',
] as const

/** Read by every journey page: compiled once (see compiled-once.ts). */
const byId = compiledOnce((db, id: number) => db.selectFrom('practice').select(COLUMNS).where('id', '=', id))

const columnsOf = (p: Omit<PracticeDetails, 'code'>) => ({
  name: p.name,
  list_size: p.listSize,
  deprivation_quintile: p.deprivationQuintile,
  rurality: p.rurality,
  sp_model: p.spModel,
})

export function practiceRepository(db: Kysely<Schema>): PracticeRepository {
  const select = () => db.selectFrom('practice').select(COLUMNS)
  const ofProgramme = (programmeId: number) => db.selectFrom('practice').select('id').where('programme_id', '=', programmeId)
  return {
    findByCode: (code) => select().where('code', '=', code).executeTakeFirst(),
    findById: async (id) => (await byId(db, id)).rows[0],
    listByProgramme: (programmeId) => select().where('programme_id', '=', programmeId).orderBy('code').execute(),
    create: (p: NewPractice) =>
      db
        .insertInto('practice')
        .values({ programme_id: p.programmeId, code: p.code, ...columnsOf(p) })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow(),
    update: async (id, details) => {
      await db.updateTable('practice').set(columnsOf(details)).where('id', '=', id).execute()
    },
    stages: (programmeId) =>
      db
        .selectFrom('practice_stage')
        .select(['practice_id as practiceId', 'wave_id as waveId', 'stage'])
        .where('practice_id', 'in', ofProgramme(programmeId))
        .orderBy('practice_id')
        .orderBy('wave_id')
        .execute(),
    setStage: async (practiceId, waveId, stage) => {
      if (stage === null) {
        await db.deleteFrom('practice_stage').where('practice_id', '=', practiceId).where('wave_id', '=', waveId).execute()
        return
      }
      await db
        .insertInto('practice_stage')
        .values({ practice_id: practiceId, wave_id: waveId, stage })
        .onConflict((oc) => oc.columns(['practice_id', 'wave_id']).doUpdateSet({ stage }))
        .execute()
    },
    submittedCounts: async (programmeId) => {
      const rows = await db
        .selectFrom('response as r')
        .select((eb) => ['r.practice_id as practiceId', 'r.wave_id as waveId', eb.fn.countAll<number | string>().as('n')])
        .where('r.practice_id', 'in', ofProgramme(programmeId))
        .where('r.status', '=', 'submitted')
        .where(notExcluded)
        .groupBy(['r.practice_id', 'r.wave_id'])
        .execute()
      return rows.map((r) => ({ practiceId: r.practiceId, waveId: r.waveId, n: Number(r.n) }))
    },
    responseCount: async (practiceId) => {
      const row = await db
        .selectFrom('response')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('practice_id', '=', practiceId)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    // Only a practice without responses is removed, so its invitations are unused and its exclusions set nothing aside.
    remove: (id) =>
      inTransaction(db, async (trx) => {
        const invitations = trx.selectFrom('invitation').select('id').where('practice_id', '=', id)
        await trx.deleteFrom('invitation_address').where('invitation_id', 'in', invitations).execute()
        await trx.deleteFrom('invitation').where('practice_id', '=', id).execute()
        await trx.deleteFrom('staff_scope').where('practice_id', '=', id).execute()
        const exclusions = trx.selectFrom('response_exclusion').select('id').where('practice_id', '=', id)
        await trx.deleteFrom('excluded_response').where('exclusion_id', 'in', exclusions).execute()
        await trx.deleteFrom('response_exclusion').where('practice_id', '=', id).execute()
        await trx.deleteFrom('practice_action').where('practice_id', '=', id).execute()
        await trx.deleteFrom('practice').where('id', '=', id).execute()
      }),
  }
}
