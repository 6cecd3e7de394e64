// Staff accounts and the programmes or practices each may see.
import type { Kysely } from 'kysely'
import type { NewStaffAccount, StaffAccount, StaffScope } from '../../domain/staff-user.js'
import { inTransaction } from '../in-transaction.js'
import type { StaffUserRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

const COLUMNS = [
  'id',
  'email',
  'role',
  'password_hash as passwordHash',
  'created_at as createdAt',
  'disabled_at as disabledAt',
  'session_generation as sessionGeneration',
  'last_signed_in_at as lastSignedInAt',
  'must_change_password',
] as const

const toAccount = ({ must_change_password, ...row }: { must_change_password: number } & Omit<StaffAccount, 'mustChangePassword'>): StaffAccount => ({
  ...row,
  mustChangePassword: must_change_password === 1,
})

// E-mail addresses are stored and looked up in lower case (see staff-email.ts), so equality is enough on both databases.
export function staffUserRepository(db: Kysely<Schema>): StaffUserRepository {
  const select = () => db.selectFrom('staff_user').select(COLUMNS)
  const insertScope = async (trx: Kysely<Schema>, userId: number, scope: StaffScope) => {
    const rows = [
      ...scope.programmeIds.map((programmeId) => ({ user_id: userId, programme_id: programmeId, practice_id: null })),
      ...scope.practiceIds.map((practiceId) => ({ user_id: userId, programme_id: null, practice_id: practiceId })),
    ]
    if (rows.length > 0) await trx.insertInto('staff_scope').values(rows).execute()
  }
  return {
    findByEmail: async (email) => {
      const row = await select().where('email', '=', email.toLowerCase()).executeTakeFirst()
      return row && toAccount(row)
    },
    findById: async (id) => {
      const row = await select().where('id', '=', id).executeTakeFirst()
      return row && toAccount(row)
    },
    list: async () => (await select().orderBy('email').execute()).map(toAccount),
    create: (account: NewStaffAccount) =>
      inTransaction(db, async (trx): Promise<StaffAccount> => {
        const user = await trx
          .insertInto('staff_user')
          .values({
            email: account.email.toLowerCase(),
            role: account.role,
            password_hash: account.passwordHash,
            created_at: account.createdAt,
            must_change_password: account.mustChangePassword ? 1 : 0,
          })
          .returning(COLUMNS)
          .executeTakeFirstOrThrow()
        await insertScope(trx, user.id, account.scope)
        return toAccount(user)
      }),
    scope: async (userId) => {
      const rows = await db
        .selectFrom('staff_scope')
        .select(['programme_id', 'practice_id'])
        .where('user_id', '=', userId)
        .orderBy('programme_id')
        .orderBy('practice_id')
        .execute()
      return {
        programmeIds: rows.flatMap((r) => (r.programme_id === null ? [] : [r.programme_id])),
        practiceIds: rows.flatMap((r) => (r.practice_id === null ? [] : [r.practice_id])),
      }
    },
    setPasswordHash: async (id, passwordHash, mustChange) => {
      const result = await db
        .updateTable('staff_user')
        .set((eb) => ({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, session_generation: eb('session_generation', '+', 1) }))
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numUpdatedRows === 1n
    },
    recordSignIn: async (id, at) => {
      await db.updateTable('staff_user').set({ last_signed_in_at: at }).where('id', '=', id).execute()
    },
    setDisabled: async (id, disabledAt) => {
      const result = await db
        .updateTable('staff_user')
        .set((eb) => ({ disabled_at: disabledAt, session_generation: eb('session_generation', '+', 1) }))
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numUpdatedRows === 1n
    },
    setRole: (id, role, scope) =>
      inTransaction(db, async (trx) => {
        await trx
          .updateTable('staff_user')
          .set((eb) => ({ role, session_generation: eb('session_generation', '+', 1) }))
          .where('id', '=', id)
          .execute()
        await trx.deleteFrom('staff_scope').where('user_id', '=', id).execute()
        await insertScope(trx, id, scope)
      }),
    countActive: async (role) =>
      Number(
        (
          await db
            .selectFrom('staff_user')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('role', '=', role)
            .where('disabled_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
  }
}
