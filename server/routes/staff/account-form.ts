// The form that adds a staff account or changes its role and scope: what was sent, as the service takes it.
import type { MessageKey } from '../../i18n/translate.js'
import { issueOf, type FieldIssue } from '../../validation/field-issues.js'
export const ACCOUNT_FORM_FIELDS = ['email', 'role', 'programmes', 'practices'] as const

export interface AccountFormValues {
  email: string
  role: string
  programmes: string[]
  practices: string[]
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')
/** One box ticked arrives as a string, several as an array, none not at all. */
const ticked = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string')

export function accountFormValues(body: Record<string, unknown>): AccountFormValues {
  return { email: text(body.email), role: text(body.role), programmes: ticked(body.programmes), practices: ticked(body.practices) }
}

const PAGE_MESSAGES: Record<string, MessageKey> = {
  email: 'staff:accounts.errors.emailFormat',
  role: 'staff:accounts.errors.roleMissing',
}

/** A service's issue as the page shows it: its schema's terse, labelled messages (written for the CLI) in full sentences. */
export function pageIssue(issue: FieldIssue): FieldIssue {
  if (!issue.label) return issue
  const key = PAGE_MESSAGES[issue.field]
  return key ? issueOf(issue.field, { key }) : { field: issue.field, message: issue.message }
}
