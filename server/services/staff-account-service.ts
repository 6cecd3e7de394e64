// Adding staff accounts, resetting their passwords, disabling them and changing their roles (from the command line, at
// first start and, later, the administration pages). Each change that narrows what an account may do ends its sessions.
import { z } from 'zod'
import { UsageError, ValidationError } from '../errors.js'
import { validate } from '../validation/validate.js'
import { unknownProgramme } from './unknown-programme.js'
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { isUniqueViolation } from '../data/unique-violation.js'
import { STAFF_ROLES, type StaffAccount, type StaffRole } from '../domain/staff-user.js'
import type { AuditActor, AuditService } from './audit-service.js'
import { generatePassword, hashPassword } from './passwords.js'
import type { StaffSecuritySettings } from './staff-security-settings.js'
import { staffEmail } from './staff-email.js'

const newUserInput = z.object({
  email: staffEmail('enter an e-mail address, such as name@example.org'),
  role: z.enum(STAFF_ROLES, { error: `must be one of: ${STAFF_ROLES.join(', ')}` }),
  programmes: z.array(z.string()).default([]),
  practices: z.array(z.string()).default([]),
})
type RoleInput = z.input<typeof newUserInput>

/** Which of programme and practice each role needs, and what to say when it is missing or not wanted. */
const SCOPE_RULES: Record<StaffRole, { programmes: boolean; practices: boolean; problem: string }> = {
  admin: { programmes: false, practices: false, problem: 'An admin sees every programme and practice: leave out programme and practice' },
  evaluator: { programmes: true, practices: false, problem: 'An evaluator needs a programme (and no practice): they see whole programmes' },
  steering: { programmes: false, practices: true, problem: 'A steering group member needs a practice (and no programme): they see single practices' },
}

export interface NewStaffUser {
  account: StaffAccount
  /** Shown once to whoever created the account; only its hash is stored. */
  password: string
  scope: string[]
}

export function createStaffAccountService(
  repos: Pick<Repositories, 'programmes' | 'practices' | 'staffUsers' | 'signInFailures' | 'sessions'>,
  audit: AuditService,
  clock: Clock,
  settings: StaffSecuritySettings,
) {
  async function programmeIds(slugs: string[]): Promise<number[]> {
    const ids: number[] = []
    for (const slug of slugs) {
      const p = await repos.programmes.findBySlug(slug)
      if (!p) throw await unknownProgramme('programmes', slug, repos.programmes)
      ids.push(p.id)
    }
    return ids
  }
  async function practiceIds(codes: string[]): Promise<number[]> {
    const ids: number[] = []
    for (const code of codes) {
      const p = await repos.practices.findByCode(code)
      if (!p) throw ValidationError.of('practices', `No practice with code "${code}"`)
      ids.push(p.id)
    }
    return ids
  }

  /** The role and scope asked for, checked against each other and resolved to ids. */
  async function roleAndScope(input: RoleInput) {
    const u = validate(newUserInput, input)
    const rule = SCOPE_RULES[u.role]
    if (rule.programmes !== u.programmes.length > 0 || rule.practices !== u.practices.length > 0) throw ValidationError.of('role', rule.problem)
    return { ...u, scope: { programmeIds: await programmeIds(u.programmes), practiceIds: await practiceIds(u.practices) } }
  }

  async function existing(email: string): Promise<StaffAccount> {
    const account = await repos.staffUsers.findByEmail(email.trim().toLowerCase())
    if (!account) throw ValidationError.of('email', `No user with e-mail "${email}"`)
    return account
  }

  /** `evaluator (north, south)`, for the audit log's before and after. */
  async function describeRole(account: Pick<StaffAccount, 'id' | 'role'>): Promise<string> {
    const scope = await repos.staffUsers.scope(account.id)
    const names = [
      ...(await Promise.all(scope.programmeIds.map(async (id) => (await repos.programmes.findById(id))?.slug ?? `programme ${id}`))),
      ...(await Promise.all(scope.practiceIds.map(async (id) => (await repos.practices.findById(id))?.code ?? `practice ${id}`))),
    ]
    return names.length ? `${account.role} (${names.join(', ')})` : account.role
  }

  /** Start-up makes a new admin when none can sign in, and refuses to start when its address is taken: never leave none. */
  async function keepAnAdmin(account: StaffAccount, change: string): Promise<void> {
    if (account.role !== 'admin' || account.disabledAt || (await repos.staffUsers.countActive('admin')) > 1) return
    throw ValidationError.of('email', `${account.email} is the only admin who can sign in, so it cannot be ${change}: make another account admin first`)
  }

  async function addUser(input: RoleInput, actor: AuditActor): Promise<NewStaffUser> {
    const u = await roleAndScope(input)
    if (await repos.staffUsers.findByEmail(u.email)) throw ValidationError.of('email', `A user with e-mail "${u.email}" already exists`)
    const scope = u.scope
    const password = generatePassword()
    const passwordHash = await hashPassword(password, settings.passwordCost)
    const account = await repos.staffUsers.create({ email: u.email, role: u.role, passwordHash, createdAt: clock.now().toISOString(), scope })
    const names = [...u.programmes, ...u.practices]
    await audit.audit(actor, 'user added', { user: account.email, role: account.role, ...(names.length ? { scope: names } : {}) })
    return { account, password, scope: names }
  }

  return {
    addUser,

    /** Every account with its role and scope in words (`evaluator (north, south)`), in e-mail order. */
    async listAccounts(): Promise<{ account: StaffAccount; role: string }[]> {
      const accounts = await repos.staffUsers.list()
      return Promise.all(accounts.map(async (account) => ({ account, role: await describeRole(account) })))
    },

    /** Sets a new random password, ends any lock-out and returns the password. */
    async resetPassword(email: string, actor: AuditActor): Promise<string> {
      const account = await existing(email)
      const password = generatePassword()
      await repos.staffUsers.setPasswordHash(account.id, await hashPassword(password, settings.passwordCost))
      await repos.sessions.removeByUser(account.id)
      await repos.signInFailures.clear(account.email)
      await audit.audit(actor, 'password reset', { user: account.email })
      return password
    },

    /** The account can no longer sign in, and every session it has ends at its next request. */
    async disableUser(email: string, actor: AuditActor): Promise<StaffAccount> {
      const account = await existing(email)
      if (account.disabledAt) throw ValidationError.of('email', `${account.email} is already disabled`)
      await keepAnAdmin(account, 'disabled')
      await repos.staffUsers.setDisabled(account.id, clock.now().toISOString())
      await repos.sessions.removeByUser(account.id)
      await audit.audit(actor, 'user disabled', { user: account.email, before: 'enabled', after: 'disabled' })
      return account
    },

    /** The account can sign in again (with the password it had); sessions from before it was disabled stay ended. */
    async enableUser(email: string, actor: AuditActor): Promise<StaffAccount> {
      const account = await existing(email)
      if (!account.disabledAt) throw ValidationError.of('email', `${account.email} is not disabled`)
      await repos.staffUsers.setDisabled(account.id, null)
      await audit.audit(actor, 'user enabled', { user: account.email, before: 'disabled', after: 'enabled' })
      return account
    },

    /** A new role and scope in place of the old; the account's sessions end, so it signs in again under the new one. */
    async changeRole(input: RoleInput, actor: AuditActor): Promise<{ account: StaffAccount; before: string; after: string }> {
      const account = await existing(typeof input.email === 'string' ? input.email : '')
      const u = await roleAndScope({ ...input, email: account.email })
      if (u.role !== 'admin') await keepAnAdmin(account, `made ${u.role}`)
      const before = await describeRole(account)
      await repos.staffUsers.setRole(account.id, u.role, u.scope)
      await repos.sessions.removeByUser(account.id)
      const after = await describeRole({ id: account.id, role: u.role })
      await audit.audit(actor, 'role changed', { user: account.email, before, after })
      return { account, before, after }
    },

    /** At start-up: an admin with this e-mail address when there is no admin at all, so someone can sign in. */
    async ensureAdmin(email: string): Promise<NewStaffUser | undefined> {
      if ((await repos.staffUsers.countActive('admin')) > 0) return undefined
      const taken = await repos.staffUsers.findByEmail(email)
      if (taken)
        throw new UsageError(
          `There is no admin account, and ${taken.email} already has an account (role: ${taken.role}${taken.disabledAt ? ', disabled' : ''}): set LINKSCORE_ADMIN_EMAIL to another address`,
        )
      try {
        return await addUser({ email, role: 'admin' }, { kind: 'start-up' })
      } catch (error) {
        // Another app process starting on the same database created it a moment ago.
        if (isUniqueViolation(error) && (await repos.staffUsers.countActive('admin')) > 0) return undefined
        throw error
      }
    },
  }
}
export type StaffAccountService = ReturnType<typeof createStaffAccountService>
