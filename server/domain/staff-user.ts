// Staff accounts, their roles, and the programmes or practices each may see.
export const STAFF_ROLES = ['admin', 'evaluator', 'steering'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export interface StaffAccount {
  id: number
  email: string
  role: StaffRole
  passwordHash: string
  createdAt: string
  disabledAt: string | null
  /** Raised to end every session of the account; a session holds the generation it was signed in under. */
  sessionGeneration: number
  lastSignedInAt: string | null
  /** The password was handed out (a new account, a reset): its owner must choose their own before anything else. */
  mustChangePassword: boolean
}

export interface StaffScope {
  programmeIds: number[]
  practiceIds: number[]
}

export interface NewStaffAccount {
  email: string
  role: StaffRole
  passwordHash: string
  createdAt: string
  scope: StaffScope
  /** True for a password handed out (the default: false). */
  mustChangePassword?: boolean
}

/** A signed-in staff member: an account that can sign in, with its scope. */
export interface StaffUser {
  id: number
  email: string
  role: StaffRole
  /** Programmes an evaluator covers. */
  programmeIds: readonly number[]
  /** Practices a steering group member covers. */
  practiceIds: readonly number[]
  /** Signed in with a password someone else handed out: only the change-password page is open to them. Absent means no. */
  mustChangePassword?: boolean
}
