// Checks the form that makes a practice's personal invitations for a wave: which practice, how many, and any role.
import { z } from 'zod'
import type { Translate } from '../../i18n/translate.js'
import { PRESETTABLE_ROLES, ROLES, roleLabel } from '../../survey/roles.js'
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

/** A form field as typed, trimmed; anything but a string is empty. */
export const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** The practice to invite, and the role its invitations preset (none: each person says): both invitation forms ask them. */
export const practiceField = z.string().min(1, { error: 'study:invitations.errors.practiceMissing' })
export const presetRoleField = z
  .string()
  .refine((role) => role === '' || PRESETTABLE_ROLES.includes(role), { error: 'study:invitations.errors.roleUnknown' })
  .transform((role) => role || undefined)

const schema = z.object({
  practice: practiceField,
  count: z
    .string()
    .min(1, { error: 'study:invitations.errors.countMissing' })
    .regex(/^\d+$/, { error: 'study:invitations.errors.countRange' })
    .transform(Number)
    .refine((n) => n >= 1 && n <= MOST_AT_ONCE, { error: 'study:invitations.errors.countRange' }),
  role: presetRoleField,
})

export function parseInvitationForm(
  body: Record<string, unknown>,
): { input: InvitationFormInput; values: InvitationFormValues } | { issues: FieldIssue[]; values: InvitationFormValues } {
  const values = { practice: text(body.practice), count: text(body.count), role: text(body.role) }
  const parsed = schema.safeParse(values)
  if (!parsed.success) return { issues: fieldIssuesFromZod(parsed.error.issues), values }
  return { input: parsed.data, values }
}

/** The choices of the two forms' practice and role selects, the one chosen marked. */
export function practiceItems(practices: readonly { code: string; name: string }[], chosen: string, t: Translate) {
  return [
    { value: '', text: t('study:invitations.practice.choose'), selected: chosen === '' },
    ...practices.map((p) => ({ value: p.code, text: `${p.name} (${p.code})`, selected: chosen === p.code })),
  ]
}

export function roleItems(chosen: string, t: Translate) {
  return [
    { value: '', text: t('study:invitations.role.none'), selected: chosen === '' },
    ...ROLES.filter((r) => r.setting !== null).map((r) => ({ value: r.code, text: roleLabel(r, t), selected: chosen === r.code })),
  ]
}
