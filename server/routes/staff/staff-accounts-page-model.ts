// The staff accounts page: every account the viewer may manage with its role, last sign-in and whether it can sign in,
// with the links and buttons that change it.
import type { StaffAccount, StaffUser } from '../../domain/staff-user.js'
import type { AccountSummary } from '../../services/staff-account-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { accountRolePath, DISABLE_ACCOUNT_PATH, ENABLE_ACCOUNT_PATH, NEW_ACCOUNT_PATH, resetPasswordPath } from '../paths.js'
import { ukDateTimeText } from '../uk-time.js'

export const accountElementId = (account: Pick<StaffAccount, 'id'>) => `account-${account.id}`

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

export function staffAccountsPageModel(accounts: readonly AccountSummary[], me: StaffUser, problem?: { email: string; issues: readonly FieldIssue[] }) {
  const byEmail = new Map(accounts.map(({ account }) => [account.email, account]))
  const problemAccount = problem ? byEmail.get(problem.email) : undefined
  const evaluator = me.role === 'evaluator'
  return {
    title: evaluator ? 'Steering group members' : 'Staff accounts',
    evaluator,
    newHref: NEW_ACCOUNT_PATH,
    newText: evaluator ? 'Add a steering group member' : 'Add a staff account',
    accounts: accounts.map(({ account, role, signInWaitUntil }) => ({
      id: accountElementId(account),
      email: account.email,
      role,
      status: account.disabledAt ? `Disabled on ${ukDateTimeText(account.disabledAt)}` : 'Can sign in',
      lastSignIn: account.lastSignedInAt ? `Last signed in on ${ukDateTimeText(account.lastSignedInAt)}` : 'Has not signed in yet',
      signInWait: signInWaitUntil ? `In a sign-in wait until ${TIME.format(new Date(signInWaitUntil))}, after failed sign-ins` : undefined,
      oneTimePassword: account.mustChangePassword ? 'Has a one-time password, to be replaced at the next sign-in' : undefined,
      disabled: account.disabledAt !== null,
      isMe: account.id === me.id,
      roleHref: account.id === me.id ? undefined : accountRolePath(account.id),
      resetHref: account.id === me.id ? undefined : resetPasswordPath(account.id),
      action: account.disabledAt ? ENABLE_ACCOUNT_PATH : DISABLE_ACCOUNT_PATH,
      actionText: account.disabledAt ? 'Enable' : 'Disable',
      error: problemAccount?.id === account.id ? problem!.issues[0]?.message : undefined,
    })),
    ...formErrors(problem?.issues ?? [], { idOf: () => (problemAccount ? accountElementId(problemAccount) : 'main-content') }),
  }
}
