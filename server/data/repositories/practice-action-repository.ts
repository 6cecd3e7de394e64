// The actions steering groups agreed for their scorecards' priorities, with who recorded and last changed each.
import type { Kysely } from 'kysely'
import type { PracticeAction } from '../../domain/practice-action.js'
import type { PracticeActionRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

export function practiceActionRepository(db: Kysely<Schema>): PracticeActionRepository {
  const actions = () =>
    db
      .selectFrom('practice_action as a')
      .leftJoin('staff_user as recorder', 'recorder.id', 'a.recorded_by')
      .leftJoin('staff_user as changer', 'changer.id', 'a.changed_by')
      .select([
        'a.id',
        'a.practice_id as practiceId',
        'a.wave_id as waveId',
        'a.questionnaire_id as questionnaireId',
        'a.scale',
        'a.action',
        'a.owner',
        'a.review_on as reviewOn',
        'a.recorded_at as recordedAt',
        'recorder.email as recordedBy',
        'a.changed_at as changedAt',
        'changer.email as changedBy',
      ])

  const byId = async (id: number): Promise<PracticeAction> => actions().where('a.id', '=', id).executeTakeFirstOrThrow()

  return {
    find: (p) =>
      actions()
        .where('a.practice_id', '=', p.practiceId)
        .where('a.wave_id', '=', p.waveId)
        .where('a.questionnaire_id', '=', p.questionnaireId)
        .where('a.scale', '=', p.scale)
        .executeTakeFirst(),

    listForWave: (practiceId, waveId) =>
      actions().where('a.practice_id', '=', practiceId).where('a.wave_id', '=', waveId).orderBy('a.questionnaire_id').orderBy('a.scale').execute(),

    listByProgramme: (programmeId) =>
      actions()
        .innerJoin('practice as p', 'p.id', 'a.practice_id')
        .innerJoin('wave as w', 'w.id', 'a.wave_id')
        .select(['p.code as practiceCode', 'w.slug as waveSlug'])
        .where('p.programme_id', '=', programmeId)
        .orderBy('w.position')
        .orderBy('p.code')
        .orderBy('a.questionnaire_id')
        .orderBy('a.scale')
        .execute(),

    add: async (p, c) => {
      const { id } = await db
        .insertInto('practice_action')
        .values({
          practice_id: p.practiceId,
          wave_id: p.waveId,
          questionnaire_id: p.questionnaireId,
          scale: p.scale,
          action: c.action,
          owner: c.owner,
          review_on: c.reviewOn,
          recorded_at: c.at,
          recorded_by: c.byUserId,
          changed_at: c.at,
          changed_by: c.byUserId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return byId(id)
    },

    update: async (id, c) => {
      await db
        .updateTable('practice_action')
        .set({ action: c.action, owner: c.owner, review_on: c.reviewOn, changed_at: c.at, changed_by: c.byUserId })
        .where('id', '=', id)
        .execute()
    },

    remove: async (id) => {
      const result = await db.deleteFrom('practice_action').where('id', '=', id).executeTakeFirst()
      return Number(result.numDeletedRows) === 1
    },
  }
}
