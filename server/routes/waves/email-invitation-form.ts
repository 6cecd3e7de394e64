// Checks the forms of the e-mail invitations page: the practice, its addresses (typed or uploaded) and any role; and
// how many days must pass before someone is reminded again.
import { z } from 'zod'
import type { Message } from '../../i18n/translate.js'
import { fieldIssuesFromZod, issueOf, type FieldIssue } from '../../validation/field-issues.js'
import { practiceField, presetRoleField, text } from './invitation-form.js'

export const EMAIL_FORM_FIELDS = ['practice', 'addresses', 'file', 'role'] as const
export const DEFAULT_REMINDER_DAYS = 7
const MOST_DAYS = 90

export interface EmailFormValues {
  practice: string
  addresses: string
  role: string
}
export interface EmailFormInput {
  practice: string
  addresses: string
  role?: string
}

/** An uploaded file of addresses: its name and bytes, or why it was not read. */
export type AddressUpload = { name: string; bytes: Buffer } | { refusal: Message } | undefined

const schema = z.object({ practice: practiceField, addresses: z.string(), role: presetRoleField })

/** The addresses come from the file when one was uploaded, else from the box; the service checks each of them. */
export function parseEmailForm(
  body: Record<string, unknown>,
  upload: AddressUpload,
): { input: EmailFormInput; values: EmailFormValues } | { issues: FieldIssue[]; values: EmailFormValues } {
  const values = { practice: text(body.practice), addresses: typeof body.addresses === 'string' ? body.addresses : '', role: text(body.role) }
  const parsed = schema.safeParse(values)
  const issues = parsed.success ? [] : fieldIssuesFromZod(parsed.error.issues)
  if (upload && 'refusal' in upload) issues.push(issueOf('file', upload.refusal))
  else if (upload && !/\.(txt|csv)$/i.test(upload.name)) issues.push(issueOf('file', { key: 'study:emailInvitations.errors.fileType' }))
  else if (!upload && values.addresses.trim() === '') issues.push(issueOf('addresses', { key: 'study:emailInvitations.errors.addressesMissing' }))
  if (issues.length || !parsed.success) return { issues, values }
  const addresses = upload && 'bytes' in upload ? upload.bytes.toString('utf8') : values.addresses
  return { input: { ...parsed.data, addresses }, values }
}

/** The days between reminders to one address, 1 to 90; the issue by the field `days` otherwise. */
export function parseReminderDays(body: Record<string, unknown>): { days: number; value: string } | { issues: FieldIssue[]; value: string } {
  const value = text(body.days)
  const days = Number(value)
  if (!/^\d+$/.test(value) || days < 1 || days > MOST_DAYS) return { issues: [issueOf('days', { key: 'study:emailInvitations.errors.daysRange' })], value }
  return { days, value }
}
