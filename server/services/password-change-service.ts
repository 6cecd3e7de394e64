// A staff member choosing their own password: in place of one handed out to them, or whenever they like. Their other
// sessions end; the one they are using goes on under the new session generation.
import { z } from 'zod'
import type { Repositories } from '../data/repository-interfaces.js'
import type { StaffUser } from '../domain/staff-user.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { issueOf, type FieldIssue } from '../validation/field-issues.js'
import type { AuditService } from './audit-service.js'
import { choosePasswordIssue } from './password-policy.js'
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js'
import type { StaffSecuritySettings } from './staff-security-settings.js'

export const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const

const text = z.string().catch('')
const input = z.object({ currentPassword: text, newPassword: text, confirmPassword: text })
export type PasswordChangeInput = Record<string, unknown>

export function createPasswordChangeService(
  repos: Pick<Repositories, 'staffUsers' | 'sessions'>,
  audit: AuditService,
  settings: Pick<StaffSecuritySettings, 'passwordCost'>,
) {
  /** Every problem with the form, in page order; the passwords themselves never appear in a message. */
  async function issues(user: StaffUser, passwordHash: string, form: z.output<typeof input>): Promise<FieldIssue[]> {
    const found: FieldIssue[] = []
    if (!form.currentPassword) found.push(issueOf('currentPassword', { key: 'staff:password.errors.currentMissing' }))
    else if (form.currentPassword.length > MAX_PASSWORD_LENGTH || !(await verifyPassword(form.currentPassword, passwordHash)))
      found.push(issueOf('currentPassword', { key: 'staff:password.errors.currentWrong' }))
    if (!form.newPassword) found.push(issueOf('newPassword', { key: 'staff:password.errors.newMissing' }))
    else if (form.newPassword === form.currentPassword) found.push(issueOf('newPassword', { key: 'staff:password.errors.newSame' }))
    else {
      const issue = choosePasswordIssue('newPassword', form.newPassword, user.email)
      if (issue) found.push(issue)
    }
    if (form.newPassword && form.confirmPassword !== form.newPassword) found.push(issueOf('confirmPassword', { key: 'staff:password.errors.confirmMismatch' }))
    return found
  }

  return {
    /** Checks and sets a chosen password; returns the account's new session generation, for the session in use. */
    async change(user: StaffUser, given: PasswordChangeInput): Promise<{ generation: number }> {
      const account = await repos.staffUsers.findById(user.id)
      if (!account) throw new NotFoundError()
      const form = input.parse(given)
      const found = await issues(user, account.passwordHash, form)
      if (found.length) throw new ValidationError(found)
      await repos.staffUsers.setPasswordHash(account.id, await hashPassword(form.newPassword, settings.passwordCost), false)
      // The raised generation already refuses every other session; removing them takes them off "Your sessions" too.
      await repos.sessions.removeByUser(account.id)
      await audit.audit(user, 'password changed', { user: account.email, ...(account.mustChangePassword ? { instead: 'a one-time password' } : {}) })
      return { generation: (await repos.staffUsers.findById(account.id))!.sessionGeneration }
    },
  }
}
export type PasswordChangeService = ReturnType<typeof createPasswordChangeService>
