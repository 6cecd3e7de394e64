// The e-mail addresses of a wave's e-mailed invitations. The only code that reads the address column (a test checks
// that no other file names it): the addresses go to the mail sender and nowhere else, and never beside an answer.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import { NO_ADDRESS_COUNTS, type AddressCounts } from '../../domain/invitation-address.js'
import type { InvitationAddressRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH = 500

type Addressed = ExpressionBuilder<Schema & { a: Schema['invitation_address']; i: Schema['invitation'] }, 'a' | 'i'>
/** Whether invitation `i` has a submitted response. */
const submitted = (eb: Addressed) =>
  eb.exists(eb.selectFrom('response as r').select('r.id').whereRef('r.invitation_id', '=', 'i.id').where('r.status', '=', 'submitted'))

const ADDRESSED = ['a.id', 'a.email_address as address', 'i.token', 'i.short_code as shortCode'] as const

export function invitationAddressRepository(db: Kysely<Schema>): InvitationAddressRepository {
  const addressed = () => db.selectFrom('invitation_address as a').innerJoin('invitation as i', 'i.id', 'a.invitation_id')
  return {
    alreadyHeld: async (waveId, addresses) => {
      if (addresses.length === 0) return []
      const rows = await db
        .selectFrom('invitation_address')
        .select('email_address')
        .where('wave_id', '=', waveId)
        .where('email_address', 'in', addresses)
        .execute()
      return rows.map((r) => r.email_address)
    },

    addMany: async (waveId, rows) => {
      const added = []
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH)
        const invitations = await db
          .selectFrom('invitation')
          .select(['id', 'token', 'short_code as shortCode'])
          .where(
            'token',
            'in',
            batch.map((r) => r.token),
          )
          .execute()
        const byToken = new Map(invitations.map((inv) => [inv.token, inv]))
        const values = batch.map((r) => ({ invitation_id: byToken.get(r.token)!.id, wave_id: waveId, email_address: r.address }))
        const ids = await db.insertInto('invitation_address').values(values).returning('id').execute()
        added.push(...batch.map((r, n) => ({ id: ids[n]!.id, address: r.address, token: r.token, shortCode: byToken.get(r.token)!.shortCode })))
      }
      return added
    },

    markSent: async (id, at) => {
      await db.updateTable('invitation_address').set({ sent_at: at, bounced_at: null }).where('id', '=', id).execute()
    },
    markBounced: async (id, at) => {
      await db.updateTable('invitation_address').set({ bounced_at: at }).where('id', '=', id).execute()
    },
    markReminded: async (id, at) => {
      await db
        .updateTable('invitation_address')
        .set((eb) => ({ last_reminded_at: at, reminder_count: eb('reminder_count', '+', 1) }))
        .where('id', '=', id)
        .execute()
    },

    dueForReminder: (waveId, remindedBefore) =>
      addressed()
        .select(ADDRESSED)
        .where('a.wave_id', '=', waveId)
        .where((eb) => eb.not(submitted(eb)))
        .where((eb) => eb.or([eb('a.last_reminded_at', 'is', null), eb('a.last_reminded_at', '<', remindedBefore)]))
        .orderBy('a.id')
        .execute(),

    counts: async (waveId) => {
      const rows = await addressed()
        .select((eb) => [
          'i.practice_id as practiceId',
          eb.fn.countAll<number>().as('addresses'),
          eb.fn.count<number>('a.sent_at').as('sent'),
          eb.fn.count<number>('a.bounced_at').as('bounced'),
          eb.fn.count<number>('i.used_at').as('started'),
          eb.fn.sum<number>(eb.case().when(submitted(eb)).then(1).else(0).end()).as('submitted'),
          eb.fn.sum<number>('a.reminder_count').as('reminders'),
        ])
        .where('a.wave_id', '=', waveId)
        .groupBy('i.practice_id')
        .orderBy('i.practice_id')
        .execute()
      return rows.map((r): AddressCounts => ({
        ...NO_ADDRESS_COUNTS,
        practiceId: r.practiceId,
        addresses: Number(r.addresses),
        sent: Number(r.sent),
        bounced: Number(r.bounced),
        started: Number(r.started),
        submitted: Number(r.submitted),
        reminders: Number(r.reminders),
      }))
    },

    isHeldFor: async (invitationId) =>
      (await db
        .selectFrom('invitation_address')
        .select(sql<number>`1`.as('held'))
        .where('invitation_id', '=', invitationId)
        .executeTakeFirst()) !== undefined,

    removeByWave: async (waveId) => Number((await db.deleteFrom('invitation_address').where('wave_id', '=', waveId).executeTakeFirst()).numDeletedRows),
  }
}
