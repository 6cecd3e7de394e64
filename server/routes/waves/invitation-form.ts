// Checks the form that makes a practice's personal invitations for a wave: which practice, how many, and any role.
import { z } from 'zod'
import { PRESETTABLE_ROLES } from '../../survey/roles.js'
import { fieldIssuesFromZod, type FieldIssue } from '../../validation/field-issues.js'

export const INVITATION_FORM_FIELDS = ['practice', 'count', 'role'] as const
/** At most this many at once from the browser: a practice's staff, with room to spare. The command line allows more. */
export const MOST_AT_ONCE = 500

export interface InvitationFormValues {
  practice: string
  count: string
  role: string
}
export interface InvitationFormInput {
  practice: string
  count: number
  role?: string
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

const schema = z.object({
  practice: z.string().min(1, { error: 'study:invitations.errors.practiceMissing' }),
  count: z
    .string()
    .min(1, { error: 'study:invitations.errors.countMissing' })
    .regex(/^\d+$/, { error: 'study:invitations.errors.countRange' })
    .transform(Number)
    .refine((n) => n >= 1 && n <= MOST_AT_ONCE, { error: 'study:invitations.errors.countRange' }),
  role: z
    .string()
    .refine((role) => role === '' || PRESETTABLE_ROLES.includes(role), { error: 'study:invitations.errors.roleUnknown' })
    .transform((role) => role || undefined),
})

export function parseInvitationForm(
  body: Record<string, unknown>,
): { input: InvitationFormInput; values: InvitationFormValues } | { issues: FieldIssue[]; values: InvitationFormValues } {
  const values = { practice: text(body.practice), count: text(body.count), role: text(body.role) }
  const parsed = schema.safeParse(values)
  if (!parsed.success) return { issues: fieldIssuesFromZod(parsed.error.issues), values }
  return { input: parsed.data, values }
}
