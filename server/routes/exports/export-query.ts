// The export choices in a query string (wave, from, weighting, include-partial, setting), checked against the programme's waves.
import { z } from 'zod'
import type { Wave } from '../../domain/wave.js'
import { SETTINGS, type Setting } from '../../questionnaires/definition-schema.js'
import type { ExportKind } from '../../exports/export-kinds.js'
import type { MessageKey } from '../../i18n/translate.js'
import type { Weighting } from '../../services/scoring-service.js'
import { fieldIssuesFromZod, issueOf, type FieldIssue } from '../../validation/field-issues.js'

export const EXPORT_FIELDS = ['wave', 'from', 'weighting', 'include-partial', 'setting'] as const
export type ExportField = (typeof EXPORT_FIELDS)[number]

/**
 * `allWaves`: `wave=all` was chosen, for the files that can hold every wave; `wave` is then not set. `setting`: one
 * setting's respondents only (item-stats), every setting together when not set.
 */
export type ExportChoices =
  { wave?: Wave; from?: Wave; allWaves: boolean; weighting: Weighting; includePartial: boolean; setting?: Setting } | InvalidExportChoices

/** The value of `wave` that asks for every wave of the programme in one answers or responses file. */
export const ALL_WAVES = 'all'

export interface InvalidExportChoices {
  issues: FieldIssue[]
  values: Partial<Record<ExportField, string>>
}

/** What each download reads from the query string; the change file names its later wave `to`, read as the wave. */
const NEEDS: Record<ExportKind | 'page' | 'r-script' | 'spss' | 'stata', { required: ExportField[]; optional: ExportField[] }> = {
  page: { required: [], optional: ['wave', 'from', 'weighting', 'include-partial', 'setting'] },
  'r-script': { required: [], optional: ['wave', 'from'] },
  spss: { required: [], optional: ['wave', 'include-partial'] },
  stata: { required: [], optional: ['wave', 'include-partial'] },
  answers: { required: ['wave'], optional: ['include-partial'] },
  responses: { required: ['wave'], optional: ['include-partial'] },
  codebook: { required: [], optional: [] },
  actions: { required: [], optional: [] },
  scores: { required: ['wave'], optional: ['weighting'] },
  'scale-stats': { required: ['wave'], optional: ['weighting'] },
  'item-stats': { required: ['wave'], optional: ['setting'] },
  change: { required: ['from', 'wave'], optional: ['weighting'] },
}

const MISSING: Record<ExportField, MessageKey> = {
  wave: 'reports:exports.errors.waveMissing',
  from: 'reports:exports.errors.fromMissing',
  weighting: 'reports:exports.errors.weightingMissing',
  'include-partial': 'reports:exports.errors.includePartialMissing',
  // Never required: all settings when not chosen.
  setting: 'reports:exports.errors.setting',
}

// An empty field (a form sent with nothing chosen) counts as missing.
const blankAsMissing = (value: unknown) => (value === '' ? undefined : value)

const waveSlug = (field: 'wave' | 'from') =>
  z.preprocess(blankAsMissing, z.string({ error: (issue) => (issue.input === undefined ? MISSING[field] : 'reports:exports.errors.oneWave') }).optional())

const schema = z.object({
  wave: waveSlug('wave'),
  from: waveSlug('from'),
  weighting: z.preprocess(blankAsMissing, z.enum(['respondents', 'settings'], { error: 'reports:exports.errors.weighting' }).default('respondents')),
  'include-partial': z.preprocess(blankAsMissing, z.literal('yes', { error: 'reports:exports.errors.includePartial' }).optional()),
  setting: z.preprocess(blankAsMissing, z.enum(SETTINGS, { error: 'reports:exports.errors.setting' }).optional()),
})

const firstString = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined)

/** Each wave named by its slug, or an issue for a slug the programme has no wave by. */
function findWaves(slugs: { wave?: string; from?: string }, waves: readonly Wave[], programmeName: string) {
  const issues: FieldIssue[] = []
  const found: { wave?: Wave; from?: Wave } = {}
  for (const field of ['wave', 'from'] as const) {
    const slug = slugs[field]
    if (slug === undefined) continue
    found[field] = waves.find((w) => w.slug === slug)
    if (!found[field]) issues.push(issueOf(field, { key: 'reports:exports.errors.unknownWave', values: { programme: programmeName, slug: slug.slice(0, 40) } }))
  }
  return { issues, ...found }
}

/** What may hold every wave at once: the answers and responses files, the syntax files reading them, and the page. */
const TAKES_ALL_WAVES: readonly (keyof typeof NEEDS)[] = ['page', 'answers', 'responses', 'spss', 'stata']

/**
 * Reads the fields `purpose` uses and ignores the rest. Errors are keyed by the field of the exports page that
 * sets them, so the page can be shown again with each message beside its field.
 */
export function parseExportQuery(query: Record<string, unknown>, purpose: keyof typeof NEEDS, waves: readonly Wave[], programmeName: string): ExportChoices {
  const { required, optional } = NEEDS[purpose]
  const used = [...required, ...optional]
  const raw = Object.fromEntries(used.map((field) => [field, field === 'wave' && purpose === 'change' ? query.to : query[field]]))
  const values = Object.fromEntries(used.map((field) => [field, firstString(raw[field])])) as Partial<Record<ExportField, string>>
  const parsed = schema.safeParse(raw)
  const zodIssues = parsed.success ? [] : fieldIssuesFromZod(parsed.error.issues)
  const allWaves = TAKES_ALL_WAVES.includes(purpose) && raw.wave === ALL_WAVES
  const slug = (field: 'wave' | 'from') => {
    const value = raw[field]
    return typeof value === 'string' && value !== '' && !(field === 'wave' && allWaves) ? value : undefined
  }
  const named = findWaves({ wave: slug('wave'), from: slug('from') }, waves, programmeName)
  const failed = [...zodIssues, ...named.issues.filter((i) => !zodIssues.some((z) => z.field === i.field))]
  if (!parsed.success || failed.length) return { issues: failed, values }
  const issues: FieldIssue[] = required
    .filter((field) => !named[field as 'wave' | 'from'] && !(field === 'wave' && allWaves))
    .map((field) => issueOf(field, { key: MISSING[field] }))
  if (allWaves && waves.length === 0) issues.push(issueOf('wave', { key: 'reports:exports.errors.noWaves', values: { programme: programmeName } }))
  if (purpose === 'change' && named.wave && named.from && named.wave.id === named.from.id) {
    issues.push(issueOf('from', { key: 'reports:exports.errors.differentWave' }))
  }
  if (issues.length) return { issues, values }
  return {
    wave: named.wave,
    from: named.from,
    allWaves,
    weighting: parsed.data.weighting,
    includePartial: parsed.data['include-partial'] === 'yes',
    setting: parsed.data.setting,
  }
}
