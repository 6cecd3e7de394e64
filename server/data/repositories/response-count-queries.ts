// The scorecard's counts of who responded and who was invited, grouped as its response table needs them: one practice's
// for the scorecard, every practice's for the fieldwork page, from the same two queries.
import type { Kysely } from 'kysely'
import type { InvitationCount, SubmittedCount } from '../../domain/response-counts.js'
import type { Schema } from '../schema.js'
import { notExcluded } from './not-excluded.js'
import { viaInvitation } from './via-invitation.js'

/** Submitted responses of the wave with a setting, not set aside, by practice, setting, preset role and how they came in. */
export function submittedCountsQuery(db: Kysely<Schema>, waveId: number) {
  return db
    .selectFrom('response as r')
    .leftJoin('invitation as i', 'i.id', 'r.invitation_id')
    .select((eb) => [
      'r.practice_id as practiceId',
      'r.setting',
      'i.preset_role as presetRole',
      viaInvitation(eb).as('viaInvitation'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('r.wave_id', '=', waveId)
    .where('r.status', '=', 'submitted')
    .where('r.setting', 'is not', null)
    .where(notExcluded)
    .groupBy((eb) => ['r.practice_id', 'r.setting', 'i.preset_role', viaInvitation(eb)])
}

/** The wave's invitations by practice and preset role. */
export function invitationCountsQuery(db: Kysely<Schema>, waveId: number) {
  return db
    .selectFrom('invitation')
    .select((eb) => ['practice_id as practiceId', 'preset_role as presetRole', eb.fn.countAll<number>().as('n')])
    .where('wave_id', '=', waveId)
    .groupBy(['practice_id', 'preset_role'])
}

type SubmittedRow = Awaited<ReturnType<ReturnType<typeof submittedCountsQuery>['execute']>>[number]
type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationCountsQuery>['execute']>>[number]

export const toSubmittedCount = (r: SubmittedRow): SubmittedCount => ({
  setting: r.setting!,
  presetRole: r.presetRole,
  viaInvitation: Number(r.viaInvitation) === 1,
  n: Number(r.n),
})

export const toInvitationCount = (r: InvitationRow): InvitationCount => ({ presetRole: r.presetRole, n: Number(r.n) })
