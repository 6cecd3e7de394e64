// The staff accounts page: every account the viewer may manage with its role, last sign-in and whether it can sign in,
// with the links and buttons that change it.
import type { StaffAccount, StaffUser } from '../../domain/staff-user.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import type { AccountSummary } from '../../services/staff-account-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { accountRolePath, DISABLE_ACCOUNT_PATH, ENABLE_ACCOUNT_PATH, NEW_ACCOUNT_PATH, resetPasswordPath } from '../paths.js'
import { ukTime } from './staff-times.js'

export const accountElementId = (account: Pick<StaffAccount, 'id'>) => `account-${account.id}`

/** `evaluator (north, south)`: the role in a word, with the programmes or practices it sees by their slugs and codes. */
export function roleInWords({ account, programmes, practices }: AccountSummary, t: Translate): string {
  const role = t(`staff:roleShort.${account.role}`)
  const names = [...programmes, ...practices]
  return names.length ? t('staff:roleWithScope', { role, scope: names.join(', ') }) : role
}

function status(account: StaffAccount, t: Translate, format: Formats) {
  return {
    status: account.disabledAt ? t('staff:accounts.disabledOn', { date: format.dateTime(account.disabledAt) }) : t('staff:accounts.canSignIn'),
    lastSignIn: account.lastSignedInAt ? t('staff:accounts.lastSignIn', { date: format.dateTime(account.lastSignedInAt) }) : t('staff:accounts.neverSignedIn'),
    oneTimePassword: account.mustChangePassword ? t('staff:accounts.oneTimePassword') : undefined,
  }
}

export function staffAccountsPageModel(
  accounts: readonly AccountSummary[],
  me: StaffUser,
  t: Translate,
  format: Formats,
  problem?: { email: string; issues: readonly FieldIssue[] },
) {
  const byEmail = new Map(accounts.map(({ account }) => [account.email, account]))
  const problemAccount = problem ? byEmail.get(problem.email) : undefined
  const evaluator = me.role === 'evaluator'
  const shown = formErrors(problem?.issues ?? [], { idOf: () => (problemAccount ? accountElementId(problemAccount) : 'main-content'), t })
  return {
    title: evaluator ? t('staff:accounts.titleEvaluator') : t('staff:accounts.title'),
    evaluator,
    newHref: NEW_ACCOUNT_PATH,
    newText: evaluator ? t('staff:accounts.addEvaluator') : t('staff:accounts.add'),
    accounts: accounts.map((summary) => {
      const { account, signInWaitUntil } = summary
      return {
        id: accountElementId(account),
        email: account.email,
        role: roleInWords(summary, t),
        ...status(account, t, format),
        signInWait: signInWaitUntil ? t('staff:accounts.signInWait', { time: ukTime(format, signInWaitUntil, 'clock') }) : undefined,
        disabled: account.disabledAt !== null,
        isMe: account.id === me.id,
        roleHref: account.id === me.id ? undefined : accountRolePath(account.id),
        resetHref: account.id === me.id ? undefined : resetPasswordPath(account.id),
        action: account.disabledAt ? ENABLE_ACCOUNT_PATH : DISABLE_ACCOUNT_PATH,
        actionText: account.disabledAt ? t('staff:accounts.enable') : t('staff:accounts.disable'),
        error: problemAccount?.id === account.id ? shown.errorSummary[0]?.text : undefined,
      }
    }),
    ...shown,
  }
}
