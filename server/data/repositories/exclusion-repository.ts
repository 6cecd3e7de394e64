// Exclusions: responses an evaluator set aside from scoring, the ones each set aside, and the open-link starts to check.
import { sql, type Kysely } from 'kysely'
import type { ExclusionCriteria } from '../../domain/response-exclusion.js'
import type { ExclusionRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { inTransaction } from '../in-transaction.js'
import { notExcluded } from './not-excluded.js'
import { bumpScoresVersion } from './scores-version.js'

/** The responses an exclusion set aside: those whose part in the wave's scores changes when it is made or restored. */
async function setAside(db: Kysely<Schema>, exclusionId: number): Promise<number[]> {
  const rows = await db.selectFrom('excluded_response').select('response_id').where('exclusion_id', '=', exclusionId).execute()
  return rows.map((r) => r.response_id)
}

export function exclusionRepository(db: Kysely<Schema>): ExclusionRepository {
  /** Responses the criteria cover that no exclusion in force has set aside already. */
  const matching = (c: ExclusionCriteria) =>
    db
      .selectFrom('response as r')
      .where('r.wave_id', '=', c.waveId)
      .$if(c.practiceId !== null, (q) => q.where('r.practice_id', '=', c.practiceId!))
      .$if(c.openLinkOnly, (q) => q.where('r.source', '=', 'open_link'))
      .where('r.started_at', '>=', c.startedFrom)
      .where('r.started_at', '<', c.startedTo)
      .where(notExcluded)

  return {
    preview: async (criteria) => {
      const row = await matching(criteria)
        .select((eb) => [
          eb.fn.countAll<number>().as('responses'),
          eb.fn.sum<number>(eb.case().when('r.status', '=', 'submitted').then(1).else(0).end()).as('submitted'),
        ])
        .executeTakeFirstOrThrow()
      return { responses: Number(row.responses), submitted: Number(row.submitted ?? 0) }
    },

    exclude: (e) =>
      inTransaction(db, async (trx) => {
        const { id } = await trx
          .insertInto('response_exclusion')
          .values({
            wave_id: e.waveId,
            practice_id: e.practiceId,
            started_from: e.startedFrom,
            started_to: e.startedTo,
            open_link_only: e.openLinkOnly ? 1 : 0,
            reason: e.reason,
            excluded_at: e.excludedAt,
            excluded_by: e.excludedBy,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        // The id is the database's own integer, so it can stand in the statement as a literal (a parameter in an
        // INSERT … SELECT list has no type PostgreSQL can infer).
        const inserted = await trx
          .insertInto('excluded_response')
          .columns(['exclusion_id', 'response_id'])
          .expression(matching(e).select([sql.lit(id).as('exclusion_id'), 'r.id as response_id']))
          .executeTakeFirst()
        await bumpScoresVersion(trx, e.waveId, { responseIds: await setAside(trx, id) })
        return { id, responses: Number(inserted.numInsertedOrUpdatedRows ?? 0) }
      }),

    restore: (id, at, by) =>
      inTransaction(db, async (trx) => {
        const restored = await trx
          .updateTable('response_exclusion')
          .set({ restored_at: at, restored_by: by })
          .where('id', '=', id)
          .where('restored_at', 'is', null)
          .returning('wave_id')
          .executeTakeFirst()
        if (restored) await bumpScoresVersion(trx, restored.wave_id, { responseIds: await setAside(trx, id) })
        return restored !== undefined
      }),

    list: async (programmeId) => {
      const rows = await db
        .selectFrom('response_exclusion as e')
        .innerJoin('wave as w', 'w.id', 'e.wave_id')
        .leftJoin('practice as p', 'p.id', 'e.practice_id')
        .leftJoin('staff_user as excluder', 'excluder.id', 'e.excluded_by')
        .leftJoin('staff_user as restorer', 'restorer.id', 'e.restored_by')
        .select((eb) => [
          'e.id',
          'e.wave_id as waveId',
          'w.slug as waveSlug',
          'w.title as waveTitle',
          'e.practice_id as practiceId',
          'p.code as practiceCode',
          'e.started_from as startedFrom',
          'e.started_to as startedTo',
          'e.open_link_only as openLinkOnly',
          'e.reason',
          'e.excluded_at as excludedAt',
          'excluder.email as excludedBy',
          'e.restored_at as restoredAt',
          'restorer.email as restoredBy',
          eb
            .selectFrom('excluded_response as x')
            .select((sub) => sub.fn.countAll<number>().as('n'))
            .whereRef('x.exclusion_id', '=', 'e.id')
            .as('responses'),
        ])
        .where('w.programme_id', '=', programmeId)
        .orderBy('e.id', 'desc')
        .execute()
      return rows.map((r) => ({ ...r, openLinkOnly: Number(r.openLinkOnly) === 1, responses: Number(r.responses ?? 0) }))
    },

    openLinkStarts: (waveId) =>
      db
        .selectFrom('response as r')
        .innerJoin('practice as p', 'p.id', 'r.practice_id')
        .select(['p.code as practiceCode', 'r.started_at as startedAt'])
        .where('r.wave_id', '=', waveId)
        .where('r.source', '=', 'open_link')
        .where(notExcluded)
        .orderBy('r.id')
        .execute(),
  }
}
