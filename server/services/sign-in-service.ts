// Staff sign-in: checks a password, counts wrong ones per e-mail address and locks after too many in a row.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { StaffAccount, StaffUser } from '../domain/staff-user.js'
import type { AuditService } from './audit-service.js'
import { generatePassword, hashPassword, verifyPassword } from './passwords.js'
import type { StaffSecuritySettings } from './staff-security-settings.js'
import { newToken } from './tokens.js'

export type SignInResult =
  { outcome: 'signed in'; user: StaffUser; session: StaffSessionStamp } | { outcome: 'refused' } | { outcome: 'locked'; minutes: number }

/** What a staff session records at sign-in, checked on every request. */
export interface StaffSessionStamp {
  userId: number
  generation: number
  /** ms since the epoch */
  signedInAt: number
  /** Names the session on the "Your sessions" page: random, and not the session id. */
  handle: string
}

export function createSignInService(
  repos: Pick<Repositories, 'staffUsers' | 'signInFailures'>,
  audit: AuditService,
  clock: Clock,
  settings: StaffSecuritySettings,
) {
  const limits = settings.signIn
  const minutes = Math.ceil(limits.accountLockMs / 60_000)
  // Unknown e-mail addresses are checked against this, so they take as long to refuse as a wrong password.
  let decoy: Promise<string> | undefined
  const decoyHash = () => (decoy ??= hashPassword(generatePassword(), settings.passwordCost))

  const isLocked = async (email: string) => {
    const lockedUntil = (await repos.signInFailures.find(email))?.lockedUntil
    return Boolean(lockedUntil && lockedUntil > clock.now().toISOString())
  }

  async function staffUser(account: StaffAccount): Promise<StaffUser> {
    const scope = await repos.staffUsers.scope(account.id)
    return { id: account.id, email: account.email, role: account.role, programmeIds: scope.programmeIds, practiceIds: scope.practiceIds }
  }

  async function refuse(email: string, account: StaffAccount | undefined): Promise<SignInResult> {
    const attempt = { kind: 'sign-in attempt', email } as const
    const now = clock.now()
    const after = await repos.signInFailures.recordFailure(
      email,
      now.toISOString(),
      limits.accountMaxFailures,
      new Date(now.getTime() + limits.accountLockMs).toISOString(),
    )
    const reason = !account ? 'no such account' : account.disabledAt ? 'account disabled' : 'wrong password'
    await audit.audit(attempt, 'sign-in failed', { reason, failuresInARow: after.failures })
    if (!after.lockedNow) return { outcome: 'refused' }
    await audit.audit(attempt, 'account locked', { minutes })
    return { outcome: 'locked', minutes }
  }

  return {
    limits,

    /** `email` as parsed by the sign-in form: trimmed and in lower case. */
    async signIn(email: string, password: string): Promise<SignInResult> {
      if (await isLocked(email)) {
        await audit.audit({ kind: 'sign-in attempt', email }, 'sign-in failed', { reason: 'account locked' })
        return { outcome: 'locked', minutes }
      }
      const account = await repos.staffUsers.findByEmail(email)
      const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()))
      if (!matches || !account || account.disabledAt) return refuse(email, account)
      // Another request may have locked the account while this password was being checked.
      if (await isLocked(email)) return { outcome: 'locked', minutes }
      await repos.signInFailures.clear(email)
      const user = await staffUser(account)
      await audit.audit(user, 'signed in')
      return {
        outcome: 'signed in',
        user,
        session: { userId: account.id, generation: account.sessionGeneration, signedInAt: clock.now().getTime(), handle: newToken() },
      }
    },

    /**
     * The user a session belongs to, unless the account has gone or been disabled since, its sessions were ended
     * (a new password raises the generation), or it was signed in longer ago than the absolute lifetime allows.
     */
    async userForSession({ userId, generation, signedInAt }: Omit<StaffSessionStamp, 'handle'>): Promise<StaffUser | undefined> {
      const account = await repos.staffUsers.findById(userId)
      if (!account || account.disabledAt || account.sessionGeneration !== generation) return undefined
      if (clock.now().getTime() - signedInAt >= settings.sessionLifetimeMs) return undefined
      return staffUser(account)
    },

    /** One client address has failed to sign in too often; `email` is what it last tried, when that was an e-mail address. */
    async addressLimited(email: string | null): Promise<void> {
      const minutes = Math.ceil(limits.addressWindowMs / 60_000)
      await audit.audit({ kind: 'sign-in attempt', email }, 'sign-in failed', { reason: 'too many failures from one address', minutes })
    },

    async signedOut(user: StaffUser): Promise<void> {
      await audit.audit(user, 'signed out')
    },
  }
}
export type SignInService = ReturnType<typeof createSignInService>
