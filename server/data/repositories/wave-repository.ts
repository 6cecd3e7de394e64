import type { Kysely } from 'kysely'
import type { StartAndSend } from '../../domain/completion-time.js'
import type { NewWave, Wave, WaveActivity, WaveChange } from '../../domain/wave.js'
import { compiledOnce } from '../compiled-once.js'
import { inTransaction } from '../in-transaction.js'
import type { WaveRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { notExcluded } from './not-excluded.js'
import { bumpScoresVersion } from './scores-version.js'

const COLUMNS = ['id', 'programme_id as programmeId', 'slug', 'title', 'opens_on as opensOn', 'closes_on as closesOn', 'status', 'position'] as const

// Read by every journey page: compiled once (see compiled-once.ts).
const byId = compiledOnce((db, id: number) => db.selectFrom('wave').select(COLUMNS).where('id', '=', id))
const questionnairesOf = compiledOnce((db, waveId: number) =>
  db.selectFrom('wave_questionnaire').select('questionnaire_id').where('wave_id', '=', waveId).orderBy('position'),
)

export function waveRepository(db: Kysely<Schema>): WaveRepository {
  const select = () => db.selectFrom('wave').select(COLUMNS)
  async function withQuestionnaires(row: Omit<Wave, 'questionnaireIds'> | undefined): Promise<Wave | undefined> {
    if (!row) return undefined
    const { rows } = await questionnairesOf(db, row.id)
    return { ...row, questionnaireIds: rows.map((r) => r.questionnaire_id) }
  }

  return {
    findById: async (id) => withQuestionnaires((await byId(db, id)).rows[0]),
    findBySlug: async (programmeId, slug) =>
      withQuestionnaires(await select().where('programme_id', '=', programmeId).where('slug', '=', slug).executeTakeFirst()),
    listByProgramme: async (programmeId) => {
      const rows = await select().where('programme_id', '=', programmeId).orderBy('position').orderBy('id').execute()
      return Promise.all(rows.map(async (row) => (await withQuestionnaires(row))!))
    },
    create: (w: NewWave) =>
      inTransaction(db, async (trx) => {
        const { id } = await trx
          .insertInto('wave')
          .values((eb) => ({
            programme_id: w.programmeId,
            slug: w.slug,
            title: w.title,
            opens_on: w.opensOn,
            closes_on: w.closesOn,
            status: w.status,
            position: eb
              .selectFrom('wave')
              .select((e) => e(e.fn.coalesce(e.fn.max('position'), e.lit(0)), '+', 1).as('next'))
              .where('programme_id', '=', w.programmeId),
          }))
          .returning('id')
          .executeTakeFirstOrThrow()
        if (w.questionnaireIds.length > 0)
          await trx
            .insertInto('wave_questionnaire')
            .values(w.questionnaireIds.map((questionnaireId, i) => ({ wave_id: id, questionnaire_id: questionnaireId, position: i + 1 })))
            .execute()
        return (await waveRepository(trx).findById(id))!
      }),
    setStatus: async (id, status) => {
      await db.updateTable('wave').set({ status }).where('id', '=', id).execute()
    },
    update: (id, change: WaveChange) =>
      inTransaction(db, async (trx) => {
        await trx.updateTable('wave').set({ title: change.title, opens_on: change.opensOn, closes_on: change.closesOn }).where('id', '=', id).execute()
        await trx.deleteFrom('wave_questionnaire').where('wave_id', '=', id).execute()
        await trx
          .insertInto('wave_questionnaire')
          .values(change.questionnaireIds.map((questionnaireId, i) => ({ wave_id: id, questionnaire_id: questionnaireId, position: i + 1 })))
          .execute()
        await bumpScoresVersion(trx, id, 'whole wave')
      }),
    activity: async (programmeId) => {
      const ofProgramme = db.selectFrom('wave').select('id').where('programme_id', '=', programmeId)
      const [submitted, invitations, answered] = await Promise.all([
        db
          .selectFrom('response')
          .select((eb) => ['wave_id as waveId', eb.fn.countAll<number>().as('n')])
          .where('wave_id', 'in', ofProgramme)
          .where('status', '=', 'submitted')
          .groupBy('wave_id')
          .execute(),
        db
          .selectFrom('invitation')
          .select((eb) => ['wave_id as waveId', eb.fn.countAll<number>().as('n')])
          .where('wave_id', 'in', ofProgramme)
          .groupBy('wave_id')
          .execute(),
        db
          .selectFrom('response as r')
          .select((eb) => ['r.wave_id as waveId', eb.fn.countAll<number>().as('n')])
          .where('r.wave_id', 'in', ofProgramme)
          .where((eb) => eb.exists(eb.selectFrom('answer as a').select('a.response_id').whereRef('a.response_id', '=', 'r.id')))
          .groupBy('r.wave_id')
          .execute(),
      ])
      const activity = new Map<number, WaveActivity>()
      const add = (rows: { waveId: number; n: number | string | bigint }[], key: keyof WaveActivity) => {
        for (const row of rows) {
          const counts = activity.get(row.waveId) ?? { submitted: 0, invitations: 0, answered: 0 }
          activity.set(row.waveId, { ...counts, [key]: Number(row.n) })
        }
      }
      add(submitted, 'submitted')
      add(invitations, 'invitations')
      add(answered, 'answered')
      return activity
    },
    startsAndSends: async (programmeId) => {
      const rows = await db
        .selectFrom('response as r')
        .innerJoin('wave as w', 'w.id', 'r.wave_id')
        .select(['r.wave_id as waveId', 'r.started_at as startedAt', 'r.submitted_at as submittedAt'])
        .where('w.programme_id', '=', programmeId)
        .where('r.status', '=', 'submitted')
        .where('r.source', '!=', 'synthetic')
        .where(notExcluded)
        .orderBy('r.id')
        .execute()
      const byWave = new Map<number, StartAndSend[]>()
      for (const { waveId, startedAt, submittedAt } of rows) byWave.set(waveId, [...(byWave.get(waveId) ?? []), { startedAt, submittedAt: submittedAt! }])
      return byWave
    },
  }
}
