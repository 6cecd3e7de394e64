// Checks the form that adds or changes a wave: the words people typed, before the wave service applies its own rules.
import { z } from 'zod'
import type { FieldIssue } from '../../validation/field-issues.js'
import { fieldIssuesFromZod, issueOf } from '../../validation/field-issues.js'
import type { MessageKey } from '../../i18n/translate.js'

export const WAVE_FORM_FIELDS = ['slug', 'title', 'opensOn', 'closesOn', 'questionnaires'] as const

/** What was typed, as typed; questionnaires are the choices of the numbered lists, in order, blanks included. */
export interface WaveFormValues {
  slug: string
  title: string
  opensOn: string
  closesOn: string
  questionnaires: string[]
}

export interface WaveFormInput {
  slug: string
  title: string
  opensOn?: string
  closesOn?: string
  questionnaires: string[]
}

export type WaveForm = { input: WaveFormInput; values: WaveFormValues } | { issues: FieldIssue[]; values: WaveFormValues }

/** The select of the nth questionnaire (from 1) is named questionnaire-n. */
export const questionnaireField = (n: number) => `questionnaire-${n}`

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const REAL_DATE = /^\d{4}-\d{2}-\d{2}$/

const date = (what: 'opensOn' | 'closesOn') =>
  z
    .string()
    .trim()
    .refine((d) => d === '' || (REAL_DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)), {
      error: `study:waves.errors.${what}Real`,
    })
    .transform((d) => d || undefined)

const schema = (withSlug: boolean) =>
  z.object({
    slug: withSlug
      ? z
          .string()
          .trim()
          .min(1, { error: 'study:waves.errors.slugMissing' })
          .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'study:waves.errors.slugFormat' })
          // ?wave=all and --wave all mean every wave in the answers and responses exports.
          .refine((slug) => slug !== 'all', { error: 'study:waves.errors.slugReserved' })
      : z.string(),
    title: z.string().trim().min(1, { error: 'study:waves.errors.titleMissing' }).max(200, { error: 'study:waves.errors.titleTooLong' }),
    opensOn: date('opensOn'),
    closesOn: date('closesOn'),
    questionnaires: z
      .array(z.string())
      .transform((ids) => ids.filter(Boolean))
      .refine((ids) => ids.length > 0, { error: 'study:waves.errors.questionnairesMissing' }),
  })

export function waveFormValues(body: Record<string, unknown>, slots: number): WaveFormValues {
  return {
    slug: text(body.slug),
    title: text(body.title),
    opensOn: text(body.opensOn),
    closesOn: text(body.closesOn),
    questionnaires: Array.from({ length: slots }, (_, i) => text(body[questionnaireField(i + 1)])),
  }
}

/** `withSlug` false for an edit, whose wave keeps its short name. */
export function parseWaveForm(body: Record<string, unknown>, slots: number, withSlug: boolean): WaveForm {
  const values = waveFormValues(body, slots)
  const parsed = schema(withSlug).safeParse(values)
  if (!parsed.success) return { issues: fieldIssuesFromZod(parsed.error.issues), values }
  return { input: parsed.data, values }
}

const FIELD_NAMES: Record<string, string> = {
  slug: 'The short name',
  title: 'The title',
  opensOn: 'The opening date',
  closesOn: 'The closing date',
  questionnaires: 'The questionnaires',
}

/** Rules of the wave service the form cannot check itself, worded for the page; the service words them for the command line. */
const SERVICE_RULES: Record<string, MessageKey> = { 'closesOn must not be before the opening date': 'study:waves.errors.closesBeforeOpens' }

/** A service's issue as a page shows it: "The closing date must not be before the opening date". */
export function pageIssue(issue: FieldIssue): FieldIssue {
  if (!issue.label) return issue
  const known = SERVICE_RULES[`${issue.field} ${issue.message}`]
  if (known) return issueOf(issue.field, { key: known })
  return { field: issue.field, message: `${FIELD_NAMES[issue.field] ?? issue.label} ${issue.message}` }
}
