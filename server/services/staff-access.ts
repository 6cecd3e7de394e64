// Who may see what: pure rules over a signed-in user and the programme or practice asked for.
import type { StaffRole, StaffUser } from '../domain/staff-user.js'

/** Programme-wide views (the cross-site comparison): admins, and evaluators of that programme. Steering members see practices only. */
export function canSeeProgramme(user: StaffUser, programmeId: number): boolean {
  if (user.role === 'admin') return true
  return user.role === 'evaluator' && user.programmeIds.includes(programmeId)
}

/**
 * A practice's own pages (its scorecard, and recording, changing or removing the actions on it): admins, evaluators
 * of its programme, and steering members of that practice.
 */
export function canSeePractice(user: StaffUser, practice: { id: number; programmeId: number }): boolean {
  if (user.role === 'steering') return user.practiceIds.includes(practice.id)
  return canSeeProgramme(user, practice.programmeId)
}

/**
 * Reviewing a practice's free text before its steering group reads it, and hiding an answer that names someone: the
 * programme's evaluators and admins, who also read every answer in the exports. Never steering members.
 */
export function canReviewFreeText(user: StaffUser, programmeId: number): boolean {
  return user.role !== 'steering' && canSeeProgramme(user, programmeId)
}

/** Data exports leave the service, so steering group members never get them. A programme's export also needs canSeeProgramme. */
export function canExport(user: StaffUser): boolean {
  return user.role === 'admin' || user.role === 'evaluator'
}

/** Setting responses aside from scoring, and restoring them: the people who also judge the data they export. */
export function canExcludeResponses(user: StaffUser): boolean {
  return canExport(user)
}

/** The audit log and account administration. */
export function canAdminister(user: StaffUser): boolean {
  return user.role === 'admin'
}

/** Running a programme's waves (adding, changing, opening and closing them): admins and evaluators. It also needs canSeeProgramme. */
export function canManageWaves(user: StaffUser): boolean {
  return user.role === 'admin' || user.role === 'evaluator'
}

/** Adding, changing, importing and removing a programme's practices: admins and evaluators. It also needs canSeeProgramme. */
export function canManagePractices(user: StaffUser): boolean {
  return user.role === 'admin' || user.role === 'evaluator'
}

/** The staff accounts pages: admins for every account, evaluators for the steering members of their programmes' practices. */
export function canManageAccounts(user: StaffUser): boolean {
  return user.role === 'admin' || user.role === 'evaluator'
}

/** An account as far as who may manage it goes: its role, and the programmes its practices belong to. */
export interface AccountReach {
  role: StaffRole
  practiceProgrammeIds: readonly number[]
}

/**
 * Whether the user may add, reset, disable, enable or re-scope this account (or give an account this role and scope):
 * admins any; evaluators only steering members all of whose practices are in their own programmes.
 */
export function canManageAccount(user: StaffUser, account: AccountReach): boolean {
  if (user.role === 'admin') return true
  if (user.role !== 'evaluator' || account.role !== 'steering' || account.practiceProgrammeIds.length === 0) return false
  return account.practiceProgrammeIds.every((id) => user.programmeIds.includes(id))
}
