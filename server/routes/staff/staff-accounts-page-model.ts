// The staff accounts page: every account with its role and whether it can sign in, and the button that changes that.
import type { StaffAccount } from '../../domain/staff-user.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { DISABLE_ACCOUNT_PATH, ENABLE_ACCOUNT_PATH } from '../paths.js'
import { ukDateTimeText } from '../uk-time.js'

export const accountElementId = (account: Pick<StaffAccount, 'id'>) => `account-${account.id}`

export function staffAccountsPageModel(
  accounts: readonly { account: StaffAccount; role: string }[],
  me: { id: number },
  problem?: { email: string; issues: readonly FieldIssue[] },
) {
  const byEmail = new Map(accounts.map(({ account }) => [account.email, account]))
  const problemAccount = problem ? byEmail.get(problem.email) : undefined
  return {
    title: 'Staff accounts',
    accounts: accounts.map(({ account, role }) => ({
      id: accountElementId(account),
      email: account.email,
      role,
      status: account.disabledAt ? `Disabled on ${ukDateTimeText(account.disabledAt)}` : 'Can sign in',
      disabled: account.disabledAt !== null,
      isMe: account.id === me.id,
      action: account.disabledAt ? ENABLE_ACCOUNT_PATH : DISABLE_ACCOUNT_PATH,
      actionText: account.disabledAt ? 'Enable' : 'Disable',
      error: problemAccount?.id === account.id ? problem!.issues[0]?.message : undefined,
    })),
    ...formErrors(problem?.issues ?? [], { idOf: () => (problemAccount ? accountElementId(problemAccount) : 'main-content') }),
  }
}
