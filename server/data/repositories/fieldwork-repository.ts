// Counts for a wave's fieldwork page: invitations and responses by practice, and responses sent by day.
import { sql, type Kysely } from 'kysely'
import { NO_FIELDWORK, type PracticeFieldwork } from '../../domain/fieldwork.js'
import type { InvitationCount, SubmittedCount } from '../../domain/response-counts.js'
import type { FieldworkRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'
import { notExcluded } from './not-excluded.js'
import { invitationCountsQuery, submittedCountsQuery, toInvitationCount, toSubmittedCount } from './response-count-queries.js'
import { viaInvitation } from './via-invitation.js'

// The day of an ISO instant, as both databases read a text column: literal numbers, which PostgreSQL needs typed.
const day = sql<string>`substr(${sql.ref('r.submitted_at')}, 1, 10)`

export function fieldworkRepository(db: Kysely<Schema>): FieldworkRepository {
  return {
    byPractice: async (waveId) => {
      const invitations = await db
        .selectFrom('invitation')
        .select((eb) => ['practice_id as practiceId', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('used_at').as('used')])
        .where('wave_id', '=', waveId)
        .groupBy('practice_id')
        .execute()
      const responses = await db
        .selectFrom('response as r')
        .select((eb) => ['r.practice_id as practiceId', 'r.status', viaInvitation(eb).as('viaInvitation'), eb.fn.countAll<number>().as('n')])
        .where('r.wave_id', '=', waveId)
        .where(notExcluded)
        .groupBy((eb) => ['r.practice_id', 'r.status', viaInvitation(eb)])
        .execute()
      const rows = new Map<number, PracticeFieldwork>()
      const row = (practiceId: number) => rows.get(practiceId) ?? rows.set(practiceId, { practiceId, ...NO_FIELDWORK }).get(practiceId)!
      for (const i of invitations) Object.assign(row(i.practiceId), { invitations: Number(i.n), invitationsUsed: Number(i.used) })
      for (const r of responses) {
        const f = row(r.practiceId)
        const n = Number(r.n)
        const invited = Number(r.viaInvitation) === 1
        if (invited) f.startedViaInvitation += n
        else f.startedOpen += n
        if (r.status === 'submitted') {
          if (invited) f.submittedViaInvitation += n
          else f.submittedOpen += n
        }
      }
      return [...rows.values()]
    },

    submittedByDay: async (waveId) => {
      const rows = await db
        .selectFrom('response as r')
        .select((eb) => [day.as('day'), eb.fn.countAll<number>().as('n')])
        .where('r.wave_id', '=', waveId)
        .where('r.status', '=', 'submitted')
        .where(notExcluded)
        .groupBy(day)
        .orderBy('day')
        .execute()
      return rows.map((r) => ({ day: r.day, n: Number(r.n) }))
    },

    countsByPractice: async (waveId) => {
      const [submitted, invitations] = [await submittedCountsQuery(db, waveId).execute(), await invitationCountsQuery(db, waveId).execute()]
      const counts = new Map<number, { submitted: SubmittedCount[]; invitations: InvitationCount[] }>()
      const of = (practiceId: number) => counts.get(practiceId) ?? counts.set(practiceId, { submitted: [], invitations: [] }).get(practiceId)!
      for (const r of submitted) of(r.practiceId).submitted.push(toSubmittedCount(r))
      for (const i of invitations) of(i.practiceId).invitations.push(toInvitationCount(i))
      return counts
    },
  }
}
