// Checks the form that adds or changes a wave: the words people typed, before the wave service applies its own rules.
import { z } from 'zod'
import type { FieldIssue } from '../../validation/field-issues.js'
import { fieldIssuesFromZod } from '../../validation/field-issues.js'

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

const date = (what: string) =>
  z
    .string()
    .trim()
    .refine((d) => d === '' || (REAL_DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)), {
      error: `Enter the ${what} as a real date, like 2026-03-02`,
    })
    .transform((d) => d || undefined)

const schema = (withSlug: boolean) =>
  z.object({
    slug: withSlug
      ? z
          .string()
          .trim()
          .min(1, { error: 'Enter a short name for links, like six-months' })
          .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'The short name must use lower-case letters, digits and hyphens only, like six-months' })
      : z.string(),
    title: z.string().trim().min(1, { error: 'Enter a title' }).max(200, { error: 'The title must be 200 characters or fewer' }),
    opensOn: date('opening date'),
    closesOn: date('closing date'),
    questionnaires: z
      .array(z.string())
      .transform((ids) => ids.filter(Boolean))
      .refine((ids) => ids.length > 0, { error: 'Choose at least one questionnaire' }),
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

/** A service's issue as a page shows it: "The closing date must not be before the opening date". */
export function pageIssue(issue: FieldIssue): FieldIssue {
  if (!issue.label) return issue
  return { field: issue.field, message: `${FIELD_NAMES[issue.field] ?? issue.label} ${issue.message}` }
}
