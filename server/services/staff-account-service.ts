// Adding staff accounts and resetting their passwords (from the command line and at first start).
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
  repos: Pick<Repositories, 'programmes' | 'practices' | 'staffUsers' | 'signInFailures'>,
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

  async function addUser(input: z.input<typeof newUserInput>, actor: AuditActor): Promise<NewStaffUser> {
    const u = validate(newUserInput, input)
    const rule = SCOPE_RULES[u.role]
    if (rule.programmes !== u.programmes.length > 0 || rule.practices !== u.practices.length > 0) throw ValidationError.of('role', rule.problem)
    if (await repos.staffUsers.findByEmail(u.email)) throw ValidationError.of('email', `A user with e-mail "${u.email}" already exists`)
    const scope = { programmeIds: await programmeIds(u.programmes), practiceIds: await practiceIds(u.practices) }
    const password = generatePassword()
    const passwordHash = await hashPassword(password, settings.passwordCost)
    const account = await repos.staffUsers.create({ email: u.email, role: u.role, passwordHash, createdAt: clock.now().toISOString(), scope })
    const names = [...u.programmes, ...u.practices]
    await audit.audit(actor, 'user added', { user: account.email, role: account.role, ...(names.length ? { scope: names } : {}) })
    return { account, password, scope: names }
  }

  return {
    addUser,

    /** Sets a new random password, ends any lock-out and returns the password. */
    async resetPassword(email: string, actor: AuditActor): Promise<string> {
      const account = await repos.staffUsers.findByEmail(email.trim().toLowerCase())
      if (!account) throw ValidationError.of('email', `No user with e-mail "${email}"`)
      const password = generatePassword()
      await repos.staffUsers.setPasswordHash(account.id, await hashPassword(password, settings.passwordCost))
      await repos.signInFailures.clear(account.email)
      await audit.audit(actor, 'password reset', { user: account.email })
      return password
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
