// Staff sign-in: checks a password, and counts failures per e-mail address and per client address, each leading to a
// growing wait during which no password is checked (see domain/sign-in-delay.ts).
import { createHash } from 'node:crypto'
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { delayAfter, waitRemaining } from '../domain/sign-in-delay.js'
import type { StaffAccount, StaffUser } from '../domain/staff-user.js'
import type { AuditService } from './audit-service.js'
import { generatePassword, hashPassword, verifyPassword } from './passwords.js'
import type { StaffSecuritySettings } from './staff-security-settings.js'
import { newToken } from './tokens.js'

export type SignInResult =
  { outcome: 'signed in'; user: StaffUser; session: StaffSessionStamp } | { outcome: 'refused' } | { outcome: 'waiting'; minutes: number }

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
  const rules = {
    account: { freeFailures: limits.accountFreeFailures, firstDelayMs: limits.firstDelayMs, maxDelayMs: limits.maxDelayMs },
    address: { freeFailures: limits.addressFreeFailures, firstDelayMs: limits.firstDelayMs, maxDelayMs: limits.maxDelayMs },
  }
  // Unknown e-mail addresses are checked against this, so they take as long to refuse as a wrong password.
  let decoy: Promise<string> | undefined
  const decoyHash = () => (decoy ??= hashPassword(generatePassword(), settings.passwordCost))

  /** The longer of the two waits, in whole minutes (0 for none). */
  async function minutesToWait(keys: { account: string; address: string }): Promise<number> {
    const now = clock.now().getTime()
    const account = waitRemaining(await repos.signInFailures.find(keys.account), rules.account, now)
    const address = waitRemaining(await repos.signInFailures.find(keys.address), rules.address, now)
    return Math.ceil(Math.max(account, address) / 60_000)
  }

  async function staffUser(account: StaffAccount): Promise<StaffUser> {
    const scope = await repos.staffUsers.scope(account.id)
    return {
      id: account.id,
      email: account.email,
      role: account.role,
      programmeIds: scope.programmeIds,
      practiceIds: scope.practiceIds,
      mustChangePassword: account.mustChangePassword,
    }
  }

  /** The account's failure was counted before the password was checked; the address's is counted now. */
  async function refuse(email: string, account: StaffAccount | undefined, keys: { address: string }, accountFailures: number): Promise<SignInResult> {
    const attempt = { kind: 'sign-in attempt', email } as const
    const address = await repos.signInFailures.recordFailure(keys.address, clock.now().toISOString())
    const reason = !account ? 'no such account' : account.disabledAt ? 'account disabled' : 'wrong password'
    await audit.audit(attempt, 'sign-in failed', { reason, failuresInARow: accountFailures })
    const delays = { account: delayAfter(accountFailures, rules.account), address: delayAfter(address.failures, rules.address) }
    for (const by of ['account', 'address'] as const)
      if (delays[by] > 0)
        await audit.audit(attempt, 'sign-in delayed', { by: by === 'account' ? 'e-mail address' : 'client address', minutes: delays[by] / 60_000 })
    return { outcome: 'refused' }
  }

  return {
    limits,

    /**
     * `email` as parsed by the sign-in form: trimmed and in lower case; `clientAddress` is the request's, of which only a
     * hash is stored. While a wait runs, the password is not checked and the try is not counted. `device` is the id of a
     * browser this address signed in with before: its failures are counted apart from everyone else's for the address.
     */
    async signIn(email: string, password: string, clientAddress: string, device?: string): Promise<SignInResult> {
      const keys = { account: device ? deviceKey(device) : email, address: addressKey(clientAddress) }
      const minutes = await minutesToWait(keys)
      if (minutes > 0) return { outcome: 'waiting', minutes }
      // Counted before the slow password check, so tries made at once cannot all slip in before the first is counted.
      const { failures } = await repos.signInFailures.recordFailure(keys.account, clock.now().toISOString())
      const account = await repos.staffUsers.findByEmail(email)
      const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()))
      if (!matches || !account || account.disabledAt) return refuse(email, account, keys, failures)
      await repos.signInFailures.clear(keys.account)
      await repos.staffUsers.recordSignIn(account.id, clock.now().toISOString())
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

    async signedOut(user: StaffUser): Promise<void> {
      await audit.audit(user, 'signed out')
    },
  }
}
export type SignInService = ReturnType<typeof createSignInService>

/** A known browser's own count of failures for the e-mail address it signed in with. */
function deviceKey(device: string): string {
  return `device:${createHash('sha256').update(device).digest('hex')}`
}

/** The client's address never reaches the database: only a hash of it. */
function addressKey(clientAddress: string): string {
  return `address:${createHash('sha256').update(`sign-in\0${clientAddress}`).digest('hex')}`
}
