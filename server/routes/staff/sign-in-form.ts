// Checks the sign-in form: an e-mail address in a plausible form and a password.
import { z } from 'zod'
import { MAX_PASSWORD_LENGTH } from '../../services/passwords.js'
import { staffEmail } from '../../services/staff-email.js'
import { fieldIssuesFromZod, issueOf, type FieldIssue } from '../../validation/field-issues.js'
import { safeNextPath } from './safe-next-path.js'

const schema = z.object({
  email: z.string({ error: 'staff:signIn.emailMissing' }).trim().min(1, { error: 'staff:signIn.emailMissing' }).pipe(staffEmail('staff:signIn.emailFormat')),
  password: z.string({ error: 'staff:signIn.passwordMissing' }).min(1, { error: 'staff:signIn.passwordMissing' }),
})

export const SIGN_IN_FIELDS = ['email', 'password'] as const
export type SignInForm = { email: string; password: string; next?: string } | { issues: FieldIssue[]; email: string; next?: string }

export function parseSignInForm(body: Record<string, unknown>): SignInForm {
  const next = safeNextPath(body.next)
  const parsed = schema.safeParse(body)
  // Checked apart from the schema, since the message names the longest password allowed.
  const tooLong = typeof body.password === 'string' && body.password.length > MAX_PASSWORD_LENGTH
  if (parsed.success && !tooLong) return { ...parsed.data, next }
  const issues = parsed.success ? [] : fieldIssuesFromZod(parsed.error.issues)
  if (tooLong) issues.push(issueOf('password', { key: 'staff:signIn.passwordTooLong', values: { max: MAX_PASSWORD_LENGTH } }))
  // The typed address comes back so it need not be typed again; the password never does.
  return { issues, email: typeof body.email === 'string' ? body.email : '', next }
}
