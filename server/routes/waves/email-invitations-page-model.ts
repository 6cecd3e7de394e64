// The e-mail invitations page of a wave: what is done with the addresses, the list in counts only, and the forms that
// send invitations, send reminders and delete the addresses.
import { NO_ADDRESS_COUNTS, type AddressCounts } from '../../domain/invitation-address.js'
import type { Programme } from '../../domain/programme.js'
import type { Wave } from '../../domain/wave.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { wavePath, wavesPath } from '../paths.js'
import { EMAIL_FORM_FIELDS, type EmailFormValues } from './email-invitation-form.js'
import { practiceItems, roleItems } from './invitation-form.js'

export const emailInvitationsPath = (programme: string, wave: string) => `${wavePath(programme, wave)}/email-invitations`
export const remindPath = (programme: string, wave: string) => `${emailInvitationsPath(programme, wave)}/remind`
export const deleteAddressesPath = (programme: string, wave: string) => `${emailInvitationsPath(programme, wave)}/delete`

/** What the last form did, read back from the query it redirected to. */
export interface EmailOutcome {
  sent?: number
  bounced?: number
  reminded?: number
  deleted?: number
}

export interface EmailInvitationsPage {
  programme: Programme
  wave: Wave
  practices: { id: number; code: string; name: string }[]
  counts: AddressCounts[]
  configured: boolean
  taking: boolean
  most: number
  values: EmailFormValues
  days: string
  issues?: readonly FieldIssue[]
  outcome?: EmailOutcome
}

const COUNT_COLUMNS = ['addresses', 'sent', 'bounced', 'started', 'submitted', 'reminders'] as const

function countsTable(page: EmailInvitationsPage, t: Translate, format: Formats) {
  const cells = (c: Omit<AddressCounts, 'practiceId'>) => COUNT_COLUMNS.map((column) => format.number(c[column]))
  const total = { ...NO_ADDRESS_COUNTS }
  for (const c of page.counts) for (const column of COUNT_COLUMNS) total[column] += c[column]
  return {
    headings: COUNT_COLUMNS.map((column) => t(`study:emailInvitations.counts.${column}`)),
    rows: page.counts.map((c) => {
      const practice = page.practices.find((p) => p.id === c.practiceId)
      return { practice: practice?.name ?? '', code: practice?.code ?? '', cells: cells(c) }
    }),
    total: cells(total),
  }
}

function outcomeLines(outcome: EmailOutcome | undefined, t: Translate): string[] {
  if (!outcome) return []
  return [
    ...(outcome.sent !== undefined ? [t('study:emailInvitations.sent', { count: outcome.sent })] : []),
    ...(outcome.bounced ? [t('study:emailInvitations.bounced', { count: outcome.bounced })] : []),
    ...(outcome.reminded !== undefined ? [t('study:emailInvitations.remind.sent', { count: outcome.reminded })] : []),
    ...(outcome.deleted !== undefined ? [t('study:emailInvitations.delete.deleted', { count: outcome.deleted })] : []),
  ]
}

export function emailInvitationsPageModel(page: EmailInvitationsPage, { t, format }: { t: Translate; format: Formats }) {
  const { programme, wave, values } = page
  const { errors, errorSummary } = formErrors(page.issues ?? [], { order: [...EMAIL_FORM_FIELDS, 'days'], t })
  return {
    title: t('study:emailInvitations.title', { wave: wave.title }),
    backHref: `${wavesPath(programme.slug)}#wave-${wave.slug}`,
    configured: page.configured,
    notTaking: page.taking ? undefined : t('study:emailInvitations.notTaking', { wave: wave.title }),
    canSend: page.configured && page.taking,
    outcome: outcomeLines(page.outcome, t),
    errors,
    errorSummary,
    values,
    days: page.days,
    most: page.most,
    sendAction: emailInvitationsPath(programme.slug, wave.slug),
    remindAction: remindPath(programme.slug, wave.slug),
    deleteAction: deleteAddressesPath(programme.slug, wave.slug),
    practiceItems: practiceItems(page.practices, values.practice, t),
    roleItems: roleItems(values.role, t),
    counts: page.counts.length ? countsTable(page, t, format) : undefined,
  }
}
