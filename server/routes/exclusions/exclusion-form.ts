// Checks the form that sets responses aside: a wave and practice of the programme, a window of start times, and a reason.
import { z } from 'zod'
import type { Practice } from '../../domain/practice.js'
import type { ExclusionCriteria } from '../../domain/response-exclusion.js'
import type { Wave } from '../../domain/wave.js'
import { fromUkWallClock } from '../uk-time.js'
import { fieldIssuesFromZod, type FieldIssue } from '../../validation/field-issues.js'
import type { MessageKey } from '../../i18n/translate.js'

export const EXCLUSION_FIELDS = ['wave', 'practice', 'from', 'to', 'source', 'reason'] as const
export const MAX_REASON_LENGTH = 500
export const ALL_PRACTICES = 'all'

/** What was typed, as typed: shown again beside any message. */
export type ExclusionValues = Record<(typeof EXCLUSION_FIELDS)[number], string>

export type ExclusionForm = { criteria: ExclusionCriteria; reason: string; values: ExclusionValues } | { issues: FieldIssue[]; values: ExclusionValues }

// A browser's date-and-time field sends 2026-03-02T09:00; typed by hand (where the browser has no such field) a space will do.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/

/** A date and time typed in UK time, as UTC ISO-8601; undefined when the text is not a real date and time. */
export function ukDateTime(text: string): string | undefined {
  const m = DATE_TIME.exec(text.trim())
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  const real = at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
  return real ? new Date(fromUkWallClock(at.getTime())).toISOString() : undefined
}

// Not z.enum: a programme may have no waves yet, and an enum of nothing cannot be made.
const oneOf = (allowed: readonly string[], error: MessageKey) => z.string({ error }).refine((value) => allowed.includes(value), { error })

const dateTime = (missing: MessageKey, unreal: MessageKey) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .transform((text, ctx) => ukDateTime(text) ?? (ctx.addIssue({ code: 'custom', message: unreal }), z.NEVER))

const schema = (waves: readonly Wave[], practices: readonly Practice[]) =>
  z
    .object({
      wave: oneOf(
        waves.map((w) => w.slug),
        'study:exclusions.errors.waveMissing',
      ),
      practice: oneOf([ALL_PRACTICES, ...practices.map((p) => p.code)], 'study:exclusions.errors.practiceMissing'),
      from: dateTime('study:exclusions.errors.fromMissing', 'study:exclusions.errors.fromReal'),
      to: dateTime('study:exclusions.errors.toMissing', 'study:exclusions.errors.toReal'),
      source: z.enum(['open-link', 'any'], { error: 'study:exclusions.errors.sourceMissing' }),
      reason: z
        .string({ error: 'study:exclusions.errors.reasonMissing' })
        .trim()
        .min(1, { error: 'study:exclusions.errors.reasonMissing' })
        .max(MAX_REASON_LENGTH, { error: 'study:exclusions.errors.reasonTooLong' }),
    })
    .refine((f) => f.from < f.to, { path: ['to'], error: 'study:exclusions.errors.toBeforeFrom' })

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export function exclusionValues(input: Record<string, unknown>): ExclusionValues {
  return Object.fromEntries(EXCLUSION_FIELDS.map((field) => [field, text(input[field])])) as ExclusionValues
}

export function parseExclusionForm(body: Record<string, unknown>, waves: readonly Wave[], practices: readonly Practice[]): ExclusionForm {
  const values = exclusionValues(body)
  const parsed = schema(waves, practices).safeParse(body)
  if (!parsed.success) return { issues: fieldIssuesFromZod(parsed.error.issues), values }
  const f = parsed.data
  const criteria: ExclusionCriteria = {
    waveId: waves.find((w) => w.slug === f.wave)!.id,
    practiceId: f.practice === ALL_PRACTICES ? null : practices.find((p) => p.code === f.practice)!.id,
    startedFrom: f.from,
    startedTo: f.to,
    openLinkOnly: f.source === 'open-link',
  }
  return { criteria, reason: f.reason, values }
}
