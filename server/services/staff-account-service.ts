// Adding staff accounts, resetting their passwords, disabling them and changing their roles (from the command line, at
// first start and, later, the administration pages). Each change that narrows what an account may do ends its sessions.
import { z } from 'zod'
import { NotFoundError, UsageError, ValidationError } from '../errors.js'
import { validate } from '../validation/validate.js'
import { unknownProgramme } from './unknown-programme.js'
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { isUniqueViolation } from '../data/unique-violation.js'
import { waitRemaining } from '../domain/sign-in-delay.js'
import { STAFF_ROLES, type StaffAccount, type StaffRole, type StaffUser } from '../domain/staff-user.js'
import type { AuditActor, AuditService } from './audit-service.js'
import { generatePassword, hashPassword } from './passwords.js'
import { canManageAccount, type AccountReach } from './staff-access.js'
import type { StaffSecuritySettings } from './staff-security-settings.js'
import { staffEmail } from './staff-email.js'

const newUserInput = z.object({
  email: staffEmail('enter an e-mail address, such as name@example.org'),
  role: z.enum(STAFF_ROLES, { error: `must be one of: ${STAFF_ROLES.join(', ')}` }),
  programmes: z.array(z.string()).default([]),
  practices: z.array(z.string()).default([]),
})
/** As typed or sent: the schema checks each part. */
type RoleInput = { [K in keyof z.input<typeof newUserInput>]?: unknown }

/** Which of programme and practice each role needs; `staff:accounts.errors.scope.<role>` says so when it is missing or not wanted. */
const SCOPE_RULES: Record<StaffRole, { programmes: boolean; practices: boolean }> = {
  admin: { programmes: false, practices: false },
  evaluator: { programmes: true, practices: false },
  steering: { programmes: false, practices: true },
}

/** A signed-in staff member acting in the web pages, whose reach over accounts is checked; the command line is not limited. */
const staffActor = (actor: AuditActor): StaffUser | undefined => ('id' in actor ? actor : undefined)

/** An account with its role and scope in words, for the lists and forms. */
export interface AccountSummary {
  account: StaffAccount
  /** `evaluator (north, south)` */
  role: string
  /** Programme slugs (evaluators) or practice codes (steering members). */
  programmes: string[]
  practices: string[]
  /** While failed sign-ins make this address wait: when the wait ends (ISO). */
  signInWaitUntil?: string
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
  async function practicesOf(codes: string[]): Promise<{ id: number; programmeId: number }[]> {
    const found = []
    for (const code of codes) {
      const p = await repos.practices.findByCode(code)
      if (!p) throw ValidationError.of('practices', { key: 'staff:accounts.errors.noPractice', values: { code } })
      found.push(p)
    }
    return found
  }

  /** The programmes an existing account's practices belong to, for canManageAccount. */
  async function reachOf(account: Pick<StaffAccount, 'id' | 'role'>): Promise<AccountReach> {
    const { practiceIds } = await repos.staffUsers.scope(account.id)
    const practices = await Promise.all(practiceIds.map((id) => repos.practices.findById(id)))
    return { role: account.role, practiceProgrammeIds: practices.flatMap((p) => (p ? [p.programmeId] : [])) }
  }

  /** An account the actor may not manage does not exist, as far as they can tell. */
  async function manageable(account: StaffAccount, actor: AuditActor): Promise<StaffAccount> {
    const user = staffActor(actor)
    if (user && !canManageAccount(user, await reachOf(account))) throw new NotFoundError()
    return account
  }

  /** The role and scope asked for, checked against each other and resolved to ids. */
  async function roleAndScope(input: RoleInput, actor: AuditActor) {
    const u = validate(newUserInput, input)
    const user = staffActor(actor)
    if (user?.role === 'evaluator' && u.role !== 'steering') throw ValidationError.of('role', { key: 'staff:accounts.errors.steeringOnly' })
    const rule = SCOPE_RULES[u.role]
    if (rule.programmes !== u.programmes.length > 0 || rule.practices !== u.practices.length > 0)
      throw ValidationError.of('role', { key: `staff:accounts.errors.scope.${u.role}` })
    const practices = await practicesOf(u.practices)
    if (user && !canManageAccount(user, { role: u.role, practiceProgrammeIds: practices.map((p) => p.programmeId) }))
      throw ValidationError.of('practices', { key: 'staff:accounts.errors.ownProgrammesOnly' })
    return { ...u, scope: { programmeIds: await programmeIds(u.programmes), practiceIds: practices.map((p) => p.id) } }
  }

  async function existing(email: string): Promise<StaffAccount> {
    const account = await repos.staffUsers.findByEmail(email.trim().toLowerCase())
    if (!account) throw ValidationError.of('email', { key: 'staff:accounts.errors.noUser', values: { email } })
    return account
  }

  async function scopeNames(account: Pick<StaffAccount, 'id'>): Promise<{ programmes: string[]; practices: string[] }> {
    const scope = await repos.staffUsers.scope(account.id)
    return {
      programmes: await Promise.all(scope.programmeIds.map(async (id) => (await repos.programmes.findById(id))?.slug ?? `programme ${id}`)),
      practices: await Promise.all(scope.practiceIds.map(async (id) => (await repos.practices.findById(id))?.code ?? `practice ${id}`)),
    }
  }

  /** `evaluator (north, south)`, for the audit log's before and after. */
  async function describeRole(account: Pick<StaffAccount, 'id' | 'role'>): Promise<string> {
    const { programmes, practices } = await scopeNames(account)
    const names = [...programmes, ...practices]
    return names.length ? `${account.role} (${names.join(', ')})` : account.role
  }

  const waitRule = {
    freeFailures: settings.signIn.accountFreeFailures,
    firstDelayMs: settings.signIn.firstDelayMs,
    maxDelayMs: settings.signIn.maxDelayMs,
  }
  async function signInWaitUntil(account: StaffAccount): Promise<string | undefined> {
    const now = clock.now().getTime()
    const wait = waitRemaining(await repos.signInFailures.find(account.email), waitRule, now)
    return wait > 0 ? new Date(now + wait).toISOString() : undefined
  }

  async function summary(account: StaffAccount): Promise<AccountSummary> {
    return { account, role: await describeRole(account), ...(await scopeNames(account)), signInWaitUntil: await signInWaitUntil(account) }
  }

  /** Start-up makes a new admin when none can sign in, and refuses to start when its address is taken: never leave none. */
  async function keepAnAdmin(account: StaffAccount, change: 'disabled' | Exclude<StaffRole, 'admin'>): Promise<void> {
    if (account.role !== 'admin' || account.disabledAt || (await repos.staffUsers.countActive('admin')) > 1) return
    throw ValidationError.of('email', { key: `staff:accounts.errors.onlyAdmin.${change}`, values: { email: account.email } })
  }

  /**
   * A new account with a random password, which its owner must replace at their first sign-in; `mustChangePassword`
   * false only for the demo's accounts, made for trying each role out.
   */
  async function addUser(input: RoleInput, actor: AuditActor, { mustChangePassword = true } = {}): Promise<NewStaffUser> {
    const u = await roleAndScope(input, actor)
    if (await repos.staffUsers.findByEmail(u.email)) throw ValidationError.of('email', { key: 'staff:accounts.errors.emailTaken', values: { email: u.email } })
    const scope = u.scope
    const password = generatePassword()
    const passwordHash = await hashPassword(password, settings.passwordCost)
    const createdAt = clock.now().toISOString()
    const account = await repos.staffUsers.create({ email: u.email, role: u.role, passwordHash, createdAt, scope, mustChangePassword })
    const names = [...u.programmes, ...u.practices]
    await audit.audit(actor, 'user added', { user: account.email, role: account.role, ...(names.length ? { scope: names } : {}) })
    return { account, password, scope: names }
  }

  return {
    addUser,

    /** Every account the viewer may manage (all of them, without a viewer), with its role and scope in words, in e-mail order. */
    async listAccounts(viewer?: StaffUser): Promise<AccountSummary[]> {
      const all = await repos.staffUsers.list()
      const visible = viewer ? (await Promise.all(all.map(async (a) => (canManageAccount(viewer, await reachOf(a)) ? [a] : [])))).flat() : all
      return Promise.all(visible.map(summary))
    },

    /** One account for its pages; 404 when there is none or the viewer may not manage it. */
    async account(viewer: StaffUser, id: number): Promise<AccountSummary> {
      const account = await repos.staffUsers.findById(id)
      if (!account) throw new NotFoundError()
      return summary(await manageable(account, viewer))
    },

    /** Sets a new random password, which its owner must replace at their next sign-in; ends any lock-out and returns the password. */
    async resetPassword(email: string, actor: AuditActor): Promise<string> {
      const account = await manageable(await existing(email), actor)
      const password = generatePassword()
      await repos.staffUsers.setPasswordHash(account.id, await hashPassword(password, settings.passwordCost), true)
      await repos.sessions.removeByUser(account.id)
      await repos.signInFailures.clear(account.email)
      await audit.audit(actor, 'password reset', { user: account.email })
      return password
    },

    /** The account can no longer sign in, and every session it has ends at its next request. */
    async disableUser(email: string, actor: AuditActor): Promise<StaffAccount> {
      const account = await manageable(await existing(email), actor)
      if (account.disabledAt) throw ValidationError.of('email', { key: 'staff:accounts.errors.alreadyDisabled', values: { email: account.email } })
      await keepAnAdmin(account, 'disabled')
      await repos.staffUsers.setDisabled(account.id, clock.now().toISOString())
      await repos.sessions.removeByUser(account.id)
      await audit.audit(actor, 'user disabled', { user: account.email, before: 'enabled', after: 'disabled' })
      return account
    },

    /** The account can sign in again (with the password it had); sessions from before it was disabled stay ended. */
    async enableUser(email: string, actor: AuditActor): Promise<StaffAccount> {
      const account = await manageable(await existing(email), actor)
      if (!account.disabledAt) throw ValidationError.of('email', { key: 'staff:accounts.errors.notDisabled', values: { email: account.email } })
      await repos.staffUsers.setDisabled(account.id, null)
      await audit.audit(actor, 'user enabled', { user: account.email, before: 'disabled', after: 'enabled' })
      return account
    },

    /** A new role and scope in place of the old; the account's sessions end, so it signs in again under the new one. */
    async changeRole(input: RoleInput, actor: AuditActor): Promise<{ account: StaffAccount; before: string; after: string }> {
      const account = await manageable(await existing(typeof input.email === 'string' ? input.email : ''), actor)
      const u = await roleAndScope({ ...input, email: account.email }, actor)
      if (u.role !== 'admin') await keepAnAdmin(account, u.role)
      const before = await describeRole(account)
      const current = await repos.staffUsers.scope(account.id)
      const same = (a: readonly number[], b: readonly number[]) => [...a].sort().join() === [...b].sort().join()
      // An unchanged save changes nothing: no audit line, and the account's sessions go on.
      if (u.role === account.role && same(current.programmeIds, u.scope.programmeIds) && same(current.practiceIds, u.scope.practiceIds))
        return { account, before, after: before }
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
