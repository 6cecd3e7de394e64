// The pages that add an account, change its role and scope, reset its password, and show a one-time password once.
import { STAFF_ROLES, type StaffUser } from '../../domain/staff-user.js'
import type { Translate } from '../../i18n/translate.js'
import type { AccountSummary } from '../../services/staff-account-service.js'
import type { VisibleProgramme } from '../../services/staff-scope-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { accountRolePath, NEW_ACCOUNT_PATH, resetPasswordPath, STAFF_ACCOUNTS_PATH } from '../paths.js'
import { ACCOUNT_FORM_FIELDS, type AccountFormValues } from './account-form.js'

export interface AccountFormPage {
  viewer: StaffUser
  /** What the viewer may give: admins every programme; evaluators their own programmes' practices. */
  programmes: readonly VisibleProgramme[]
  values: AccountFormValues
  /** The account being changed; none for a new one. */
  account?: AccountSummary
  issues?: readonly FieldIssue[]
}

function title(t: Translate, evaluator: boolean, account?: AccountSummary): string {
  if (account) return t('staff:accountForm.titleEdit', { email: account.account.email })
  return evaluator ? t('staff:accountForm.titleNewEvaluator') : t('staff:accountForm.titleNew')
}

export function accountFormPageModel({ viewer, programmes, values, account, issues = [] }: AccountFormPage, t: Translate) {
  const evaluator = viewer.role === 'evaluator'
  const own = programmes.filter((p) => p.wholeProgramme)
  return {
    title: title(t, evaluator, account),
    backHref: STAFF_ACCOUNTS_PATH,
    action: account ? accountRolePath(account.account.id) : NEW_ACCOUNT_PATH,
    isNew: !account,
    values,
    /** Evaluators add steering group members only, so they are not asked. */
    roleChoices: evaluator
      ? undefined
      : STAFF_ROLES.map((role) => ({
          value: role,
          text: t(`staff:roles.${role}`),
          hint: t(`staff:accountForm.roleHints.${role}`),
          checked: values.role === role,
        })),
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
    buttonText: account ? t('staff:accountForm.save') : t('staff:accountForm.add'),
    ...formErrors(issues, { order: ACCOUNT_FORM_FIELDS, t }),
  }
}

export function resetPasswordPageModel(account: AccountSummary, t: Translate) {
  return {
    title: t('staff:resetPassword.title', { email: account.account.email }),
    backHref: STAFF_ACCOUNTS_PATH,
    action: resetPasswordPath(account.account.id),
    email: account.account.email,
  }
}

/** `shown` undefined when the password was shown already (a reload, or the back button). */
export function oneTimePasswordPageModel(shown: { email: string; password: string; added: boolean } | undefined, signInUrl: string, t: Translate) {
  const title = !shown
    ? t('staff:oneTimePassword.titleShown')
    : t(shown.added ? 'staff:oneTimePassword.titleAdded' : 'staff:oneTimePassword.titleReset', { email: shown.email })
  return {
    title,
    backHref: STAFF_ACCOUNTS_PATH,
    shown,
    signInUrl,
  }
}
