// Checks the sign-in form: an e-mail address in a plausible form and a password.
import { z } from 'zod'
import { MAX_PASSWORD_LENGTH } from '../../services/passwords.js'
import { staffEmail } from '../../services/staff-email.js'
import { fieldIssuesFromZod, type FieldIssue } from '../../validation/field-issues.js'
import { safeNextPath } from './safe-next-path.js'

const schema = z.object({
  email: z
    .string({ error: 'Enter your e-mail address' })
    .trim()
    .min(1, { error: 'Enter your e-mail address' })
    .pipe(staffEmail('Enter an e-mail address in the correct format, like name@example.org')),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, { error: 'Enter your password' })
    .max(MAX_PASSWORD_LENGTH, { error: `Your password must be ${MAX_PASSWORD_LENGTH} characters or fewer` }),
})

export const SIGN_IN_FIELDS = ['email', 'password'] as const
export type SignInForm = { email: string; password: string; next?: string } | { issues: FieldIssue[]; email: string; next?: string }

export function parseSignInForm(body: Record<string, unknown>): SignInForm {
  const next = safeNextPath(body.next)
  const parsed = schema.safeParse(body)
  if (parsed.success) return { ...parsed.data, next }
  // The typed address comes back so it need not be typed again; the password never does.
  return { issues: fieldIssuesFromZod(parsed.error.issues), email: typeof body.email === 'string' ? body.email : '', next }
}
