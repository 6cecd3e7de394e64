// How hard staff passwords are to crack and how quickly sign-in attempts are cut off; tests pass smaller numbers.
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './passwords.js'

export interface SignInLimits {
  /** Failed sign-ins from one client address within the window before it gets "429 Too many requests". */
  addressMaxFailures: number
  addressWindowMs: number
  /** Wrong passwords in a row for one e-mail address before it is locked. */
  accountMaxFailures: number
  accountLockMs: number
}

export interface StaffSecuritySettings {
  passwordCost: ScryptCost
  signIn: SignInLimits
  /** How long a staff session lasts from sign-in, however active: a stolen session cookie stops working by then. */
  sessionLifetimeMs: number
}

const FIFTEEN_MINUTES = 15 * 60 * 1000

/**
 * The address limit is above the account limit: a person who mistypes their own password meets the account message first,
 * and a practice whose staff share one address through the NHS network is not shut out by one colleague.
 */
export const DEFAULT_STAFF_SECURITY: StaffSecuritySettings = {
  passwordCost: DEFAULT_SCRYPT_COST,
  signIn: { addressMaxFailures: 30, addressWindowMs: FIFTEEN_MINUTES, accountMaxFailures: 10, accountLockMs: FIFTEEN_MINUTES },
  sessionLifetimeMs: 12 * 60 * 60 * 1000,
}
