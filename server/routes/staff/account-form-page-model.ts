// The pages that add an account, change its role and scope, reset its password, and show a one-time password once.
import type { StaffUser } from '../../domain/staff-user.js'
import type { AccountSummary } from '../../services/staff-account-service.js'
import type { VisibleProgramme } from '../../services/staff-scope-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { accountRolePath, NEW_ACCOUNT_PATH, resetPasswordPath, STAFF_ACCOUNTS_PATH } from '../paths.js'
import { ACCOUNT_FORM_FIELDS, type AccountFormValues } from './account-form.js'

const ROLE_CHOICES = [
  { value: 'admin', text: 'Administrator', hint: 'Everything, including accounts and programmes' },
  { value: 'evaluator', text: 'Evaluator', hint: 'Whole programmes: choose them below' },
  { value: 'steering', text: 'Steering group member', hint: 'Single practices: choose them below' },
] as const

export interface AccountFormPage {
  viewer: StaffUser
  /** What the viewer may give: admins every programme; evaluators their own programmes' practices. */
  programmes: readonly VisibleProgramme[]
  values: AccountFormValues
  /** The account being changed; none for a new one. */
  account?: AccountSummary
  issues?: readonly FieldIssue[]
}

export function accountFormPageModel({ viewer, programmes, values, account, issues = [] }: AccountFormPage) {
  const evaluator = viewer.role === 'evaluator'
  const own = programmes.filter((p) => p.wholeProgramme)
  return {
    title: account ? `Change the role and scope of ${account.account.email}` : evaluator ? 'Add a steering group member' : 'Add a staff account',
    backHref: STAFF_ACCOUNTS_PATH,
    action: account ? accountRolePath(account.account.id) : NEW_ACCOUNT_PATH,
    isNew: !account,
    values,
    /** Evaluators add steering group members only, so they are not asked. */
    roleChoices: evaluator ? undefined : ROLE_CHOICES.map((r) => ({ ...r, checked: values.role === r.value })),
    programmeChoices: evaluator
      ? undefined
      : own.map((p) => ({ value: p.programme.slug, text: p.programme.name, checked: values.programmes.includes(p.programme.slug) })),
    practiceGroups: own
      .filter((p) => p.practices.length)
      .map((p, i) => ({
        idPrefix: i === 0 ? 'practices' : `practices-${p.programme.slug}`,
        legend: p.programme.name,
        items: p.practices.map((practice) => ({
          value: practice.code,
          text: `${practice.name} (${practice.code})`,
          checked: values.practices.includes(practice.code),
        })),
      })),
    buttonText: account ? 'Save the role and scope' : 'Add the account',
    ...formErrors(issues, { order: ACCOUNT_FORM_FIELDS }),
  }
}

export function resetPasswordPageModel(account: AccountSummary) {
  return {
    title: `Reset the password of ${account.account.email}`,
    backHref: STAFF_ACCOUNTS_PATH,
    action: resetPasswordPath(account.account.id),
    email: account.account.email,
  }
}

/** `shown` undefined when the password was shown already (a reload, or the back button). */
export function oneTimePasswordPageModel(shown: { email: string; password: string; added: boolean } | undefined, signInUrl: string) {
  return {
    title: shown ? (shown.added ? `Account added for ${shown.email}` : `New password for ${shown.email}`) : 'This password has been shown already',
    backHref: STAFF_ACCOUNTS_PATH,
    shown,
    signInUrl,
  }
}
