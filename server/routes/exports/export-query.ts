// The export choices in a query string (wave, from, weighting, include-partial), checked against the programme's waves.
import { z } from 'zod'
import type { Wave } from '../../domain/wave.js'
import type { ExportKind } from '../../exports/export-kinds.js'
import type { Weighting } from '../../services/scoring-service.js'
import { fieldIssuesFromZod, type FieldIssue } from '../../validation/field-issues.js'

export const EXPORT_FIELDS = ['wave', 'from', 'weighting', 'include-partial'] as const
export type ExportField = (typeof EXPORT_FIELDS)[number]

export type ExportChoices = { wave?: Wave; from?: Wave; weighting: Weighting; includePartial: boolean } | InvalidExportChoices

export interface InvalidExportChoices {
  issues: FieldIssue[]
  values: Partial<Record<ExportField, string>>
}

/** What each download reads from the query string; the change file names its later wave `to`, read as the wave. */
const NEEDS: Record<ExportKind | 'page' | 'r-script', { required: ExportField[]; optional: ExportField[] }> = {
  page: { required: [], optional: ['wave', 'from', 'weighting', 'include-partial'] },
  'r-script': { required: [], optional: ['wave', 'from'] },
  answers: { required: ['wave'], optional: ['include-partial'] },
  responses: { required: ['wave'], optional: ['include-partial'] },
  codebook: { required: [], optional: [] },
  scores: { required: ['wave'], optional: ['weighting'] },
  'scale-stats': { required: ['wave'], optional: ['weighting'] },
  change: { required: ['from', 'wave'], optional: ['weighting'] },
}

const MISSING: Record<ExportField, string> = {
  wave: 'Choose a wave',
  from: 'Choose a wave to compare with',
  weighting: 'Choose how to weight practice means',
  'include-partial': 'Choose whether to include unfinished responses',
}

// An empty field (a form sent with nothing chosen) counts as missing.
const blankAsMissing = (value: unknown) => (value === '' ? undefined : value)

function schema(waves: readonly Wave[], programmeName: string) {
  const wave = (field: 'wave' | 'from') =>
    z.preprocess(
      blankAsMissing,
      z
        .string({ error: (issue) => (issue.input === undefined ? MISSING[field] : 'Choose only one wave') })
        .transform((slug, ctx) => {
          const found = waves.find((w) => w.slug === slug)
          if (!found) ctx.addIssue({ code: 'custom', message: `${programmeName} has no wave "${slug.slice(0, 40)}": choose one of its waves` })
          return found ?? z.NEVER
        })
        .optional(),
    )
  return z.object({
    wave: wave('wave'),
    from: wave('from'),
    weighting: z.preprocess(
      blankAsMissing,
      z.enum(['respondents', 'settings'], { error: 'Choose respondents or setting groups for the practice mean' }).default('respondents'),
    ),
    'include-partial': z.preprocess(
      blankAsMissing,
      z.literal('yes', { error: 'To include unfinished responses, tick the box; otherwise leave it empty' }).optional(),
    ),
  })
}

const firstString = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined)

/**
 * Reads the fields `purpose` uses and ignores the rest. Errors are keyed by the field of the exports page that
 * sets them, so the page can be shown again with each message beside its field.
 */
export function parseExportQuery(query: Record<string, unknown>, purpose: keyof typeof NEEDS, waves: readonly Wave[], programmeName: string): ExportChoices {
  const { required, optional } = NEEDS[purpose]
  const used = [...required, ...optional]
  const raw = Object.fromEntries(used.map((field) => [field, field === 'wave' && purpose === 'change' ? query.to : query[field]]))
  const values = Object.fromEntries(used.map((field) => [field, firstString(raw[field])])) as Partial<Record<ExportField, string>>
  const parsed = schema(waves, programmeName).safeParse(raw)
  if (!parsed.success) return { issues: fieldIssuesFromZod(parsed.error.issues), values }
  const issues: FieldIssue[] = required.filter((field) => !parsed.data[field as 'wave' | 'from']).map((field) => ({ field, message: MISSING[field] }))
  if (purpose === 'change' && parsed.data.wave && parsed.data.from && parsed.data.wave.id === parsed.data.from.id) {
    issues.push({ field: 'from', message: 'Choose a different wave to compare with' })
  }
  if (issues.length) return { issues, values }
  const { wave, from, weighting } = parsed.data
  return { wave, from, weighting, includePartial: parsed.data['include-partial'] === 'yes' }
}
