// A practice's fields as people type them (a form, a command, a row of a CSV file): the rules with their messages, and
// the values in words for the audit log and the CSV preview.
import { z } from 'zod'
import { STAGE_LABELS, stageFromText, type ImplementationStage, type PracticeDetails } from '../domain/practice.js'
import type { Wave } from '../domain/wave.js'
import { formats, type Formats } from '../i18n/format.js'
import { english, type Translate } from '../i18n/translate.js'
import type { FieldIssue } from '../validation/field-issues.js'
import { fieldIssuesFromZod, issueOf } from '../validation/field-issues.js'

export const PRACTICE_FIELDS = ['code', 'name', 'listSize', 'deprivationQuintile', 'rurality', 'spModel'] as const
export type PracticeField = (typeof PRACTICE_FIELDS)[number]

export const LIST_SIZE_MESSAGE = 'study:practice.errors.listSize'
export const QUINTILE_MESSAGE = 'study:practice.errors.quintile'
export const RURALITY_MESSAGE = 'study:practice.errors.rurality'
const MAX_LIST_SIZE = 10_000_000

const text = z.preprocess((v) => (v === undefined || v === null ? '' : String(v)), z.string().trim())
const orNull = (s: string) => (s === '' ? null : s)

const details = z.object({
  code: text
    .pipe(z.string().min(1, { error: 'study:practice.errors.codeMissing' }))
    .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, { error: 'study:practice.errors.codeFormat' })),
  name: text.pipe(z.string().min(1, { error: 'study:practice.errors.nameMissing' }).max(200, { error: 'study:practice.errors.nameTooLong' })),
  listSize: text.transform((s, ctx) => {
    const digits = s.replace(/[,\s]/g, '')
    if (digits === '') return null
    const n = Number(digits)
    if (/^\d+$/.test(digits) && n >= 1 && n <= MAX_LIST_SIZE) return n
    ctx.addIssue({ code: 'custom', message: LIST_SIZE_MESSAGE })
    return z.NEVER
  }),
  deprivationQuintile: text.transform((s, ctx) => {
    if (s === '') return null
    if (/^[1-5]$/.test(s)) return Number(s)
    ctx.addIssue({ code: 'custom', message: QUINTILE_MESSAGE })
    return z.NEVER
  }),
  rurality: text.transform((s, ctx) => {
    const kind = s.toLowerCase()
    if (kind === '') return null
    if (kind === 'urban' || kind === 'rural') return kind
    ctx.addIssue({ code: 'custom', message: RURALITY_MESSAGE })
    return z.NEVER
  }),
  spModel: text.pipe(z.string().max(200, { error: 'study:practice.errors.spModelTooLong' })).transform(orNull),
})

/** The select of a wave's stage on the form, and the key of its issue. */
export const stageField = (waveSlug: string) => `stage-${waveSlug}`
// The stages as the command line and a CSV file take them: in English, whatever the page's language.
const stageIssue = (wave: Wave) =>
  issueOf(stageField(wave.slug), { key: 'study:practice.errors.stage', values: { wave: wave.title, stages: Object.values(STAGE_LABELS).join(', ') } })

export type StageChoices = Map<number, ImplementationStage | null>

/** The details and, by wave id, the stages; or an issue for each field at fault. Stages of waves not given are left out. */
export function parsePracticeFields(
  input: Record<string, unknown>,
  stages: Readonly<Record<string, string>>,
  waves: readonly Wave[],
): { details: PracticeDetails; stages: StageChoices } | { issues: FieldIssue[] } {
  const parsed = details.safeParse(input)
  const issues = parsed.success ? [] : fieldIssuesFromZod(parsed.error.issues).map(({ label: _label, ...issue }) => issue)
  const chosen: StageChoices = new Map()
  for (const wave of waves) {
    const given = stages[wave.slug]
    if (given === undefined) continue
    const stage = given.trim() === '' ? null : stageFromText(given)
    if (stage === undefined) issues.push(stageIssue(wave))
    else chosen.set(wave.id, stage)
  }
  if (!parsed.success || issues.length) return { issues }
  return { details: parsed.data, stages: chosen }
}

/** A practice's value in words, or a change of one: "List size: 8,400", "Implementation stage at Baseline: piloting → implementing". */
export interface PracticeWord {
  field: Exclude<PracticeField, 'code'> | 'stage'
  /** The wave's title, for a stage. */
  wave?: string
  /** Set for a change; a new practice's values have none. */
  before?: string | number | null
  after: string | number | null
}

const WORDS = ['name', 'listSize', 'deprivationQuintile', 'rurality', 'spModel'] as const
const ENGLISH_FORMATS = formats('en-GB')

/** A value as the reader reads it; a stage by its code, `rurality` urban or rural. */
export function practiceValueText(t: Translate, format: Formats, field: PracticeWord['field'], value: string | number | null): string {
  if (value === null) return t('study:practice.notRecorded')
  if (field === 'listSize') return format.number(Number(value))
  if (field === 'rurality' && (value === 'urban' || value === 'rural')) return t(`study:practice.rurality.${value}`)
  if (field === 'stage') return t(`study:stages.${value as ImplementationStage}`)
  return String(value)
}

/** A word in the reader's language (the audit log and the command line take English). */
export function practiceWordText(word: PracticeWord, t: Translate = english, format: Formats = ENGLISH_FORMATS): string {
  const field = word.field === 'stage' ? t('study:practice.fields.stageAt', { wave: word.wave }) : t(`study:practice.fields.${word.field}`)
  const after = practiceValueText(t, format, word.field, word.after)
  if (word.before === undefined) return t('study:practice.fact', { field, value: after })
  return t('study:practice.change', { field, before: practiceValueText(t, format, word.field, word.before), after })
}

/** A value in English, as the command line prints it. */
export function valueText(field: Exclude<PracticeField, 'code'>, value: string | number | null): string {
  return value === null ? english('study:practice.notRecorded') : field === 'listSize' ? ENGLISH_FORMATS.number(Number(value)) : String(value)
}

/** What differs: "List size: 8,000 → 8,400", "Implementation stage at Baseline: piloting → implementing". */
export function practiceChangeWords(
  before: PracticeDetails,
  after: PracticeDetails,
  stagesBefore: ReadonlyMap<number, ImplementationStage>,
  stagesAfter: StageChoices,
  waves: readonly Wave[],
): PracticeWord[] {
  const changes: PracticeWord[] = WORDS.filter((k) => before[k] !== after[k]).map((k) => ({ field: k, before: before[k], after: after[k] }))
  for (const wave of waves) {
    if (!stagesAfter.has(wave.id)) continue
    const was = stagesBefore.get(wave.id) ?? null
    const now = stagesAfter.get(wave.id) ?? null
    if (was !== now) changes.push({ field: 'stage', wave: wave.title, before: was, after: now })
  }
  return changes
}

/** A new practice's recorded values: "List size: 8,400"; what is not recorded is left out. */
export function practiceNewWords(p: PracticeDetails, stages: StageChoices, waves: readonly Wave[]): PracticeWord[] {
  const words: PracticeWord[] = WORDS.filter((k) => k !== 'name' && p[k] !== null).map((k) => ({ field: k, after: p[k] }))
  for (const wave of waves) {
    const stage = stages.get(wave.id)
    if (stage) words.push({ field: 'stage', wave: wave.title, after: stage })
  }
  return words
}

/** The changes in English, for the audit log. */
export const practiceChanges = (...args: Parameters<typeof practiceChangeWords>): string[] => practiceChangeWords(...args).map((w) => practiceWordText(w))

/** A new practice's values in English, for the audit log. */
export const practiceWords = (...args: Parameters<typeof practiceNewWords>): string[] => practiceNewWords(...args).map((w) => practiceWordText(w))
