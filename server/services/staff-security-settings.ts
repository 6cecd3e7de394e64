// How hard staff passwords are to crack and how quickly sign-in attempts are cut off; tests pass smaller numbers.
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './passwords.js'

/** Failed sign-ins bring a growing wait (see domain/sign-in-delay.ts), counted per e-mail address tried and per client address. */
export interface SignInLimits {
  accountFreeFailures: number
  addressFreeFailures: number
  /** The first wait; each failure after doubles it, up to maxDelayMs. */
  firstDelayMs: number
  maxDelayMs: number
}

export interface StaffSecuritySettings {
  passwordCost: ScryptCost
  signIn: SignInLimits
  /** How long a staff session lasts from sign-in, however active: a stolen session cookie stops working by then. */
  sessionLifetimeMs: number
}

const FIFTEEN_MINUTES = 15 * 60 * 1000

/**
 * The address allowance is above the account one: a person who mistypes their own password meets their own wait first,
 * and a practice whose staff share one address through the NHS network is not held up by one colleague.
 */
export const DEFAULT_STAFF_SECURITY: StaffSecuritySettings = {
  passwordCost: DEFAULT_SCRYPT_COST,
  signIn: { accountFreeFailures: 5, addressFreeFailures: 30, firstDelayMs: 60_000, maxDelayMs: FIFTEEN_MINUTES },
  sessionLifetimeMs: 12 * 60 * 60 * 1000,
}
