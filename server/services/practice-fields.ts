// A practice's fields as people type them (a form, a command, a row of a CSV file): the rules with their messages, and
// the values in words for the audit log and the CSV preview.
import { z } from 'zod'
import { STAGE_LABELS, stageFromText, type ImplementationStage, type PracticeDetails } from '../domain/practice.js'
import type { Wave } from '../domain/wave.js'
import type { FieldIssue } from '../validation/field-issues.js'
import { fieldIssuesFromZod } from '../validation/field-issues.js'

export const PRACTICE_FIELDS = ['code', 'name', 'listSize', 'deprivationQuintile', 'rurality', 'spModel'] as const
export type PracticeField = (typeof PRACTICE_FIELDS)[number]

export const LIST_SIZE_MESSAGE = 'Enter a list size as a whole number of patients, such as 8400'
export const QUINTILE_MESSAGE = 'Deprivation quintile must be 1 (most deprived) to 5 (least deprived)'
export const RURALITY_MESSAGE = 'Urban or rural must be urban or rural'
const MAX_LIST_SIZE = 10_000_000

const text = z.preprocess((v) => (v === undefined || v === null ? '' : String(v)), z.string().trim())
const orNull = (s: string) => (s === '' ? null : s)

const details = z.object({
  code: text
    .pipe(z.string().min(1, { error: 'Enter the practice code, such as its ODS code B86001' }))
    .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, { error: 'The practice code must be letters, digits and hyphens only, such as B86001' })),
  name: text.pipe(z.string().min(1, { error: 'Enter the practice name' }).max(200, { error: 'The practice name must be 200 characters or fewer' })),
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
  spModel: text.pipe(z.string().max(200, { error: 'The social prescribing model must be 200 characters or fewer' })).transform(orNull),
})

/** The select of a wave's stage on the form, and the key of its issue. */
export const stageField = (waveSlug: string) => `stage-${waveSlug}`
const stageMessage = (wave: Wave) =>
  `Implementation stage at ${wave.title} must be one of: ${Object.values(STAGE_LABELS).join(', ')} (or left empty when it is not recorded)`

export type StageChoices = Map<number, ImplementationStage | null>

/** The details and, by wave id, the stages; or an issue for each field at fault. Stages of waves not given are left out. */
export function parsePracticeFields(
  input: Record<string, unknown>,
  stages: Readonly<Record<string, string>>,
  waves: readonly Wave[],
): { details: PracticeDetails; stages: StageChoices } | { issues: FieldIssue[] } {
  const parsed = details.safeParse(input)
  const issues = parsed.success ? [] : fieldIssuesFromZod(parsed.error.issues).map(({ field, message }) => ({ field, message }))
  const chosen: StageChoices = new Map()
  for (const wave of waves) {
    const given = stages[wave.slug]
    if (given === undefined) continue
    const stage = given.trim() === '' ? null : stageFromText(given)
    if (stage === undefined) issues.push({ field: stageField(wave.slug), message: stageMessage(wave) })
    else chosen.set(wave.id, stage)
  }
  if (!parsed.success || issues.length) return { issues }
  return { details: parsed.data, stages: chosen }
}

const WORDS: Record<Exclude<PracticeField, 'code'>, string> = {
  name: 'Name',
  listSize: 'List size',
  deprivationQuintile: 'Deprivation quintile',
  rurality: 'Urban or rural',
  spModel: 'Social prescribing model',
}
const NOT_RECORDED = 'not recorded'

export function valueText(field: Exclude<PracticeField, 'code'>, value: string | number | null): string {
  if (value === null) return NOT_RECORDED
  if (field === 'listSize') return Number(value).toLocaleString('en-GB')
  return String(value)
}
const stageText = (stage: ImplementationStage | null | undefined) => (stage ? STAGE_LABELS[stage] : NOT_RECORDED)

/** "List size: 8,000 → 8,400", "Implementation stage at Baseline: piloting → implementing": what differs, in words. */
export function practiceChanges(
  before: PracticeDetails,
  after: PracticeDetails,
  stagesBefore: ReadonlyMap<number, ImplementationStage>,
  stagesAfter: StageChoices,
  waves: readonly Wave[],
): string[] {
  const changes = (Object.keys(WORDS) as (keyof typeof WORDS)[])
    .filter((k) => before[k] !== after[k])
    .map((k) => `${WORDS[k]}: ${valueText(k, before[k])} → ${valueText(k, after[k])}`)
  for (const wave of waves) {
    if (!stagesAfter.has(wave.id)) continue
    const was = stagesBefore.get(wave.id) ?? null
    const now = stagesAfter.get(wave.id) ?? null
    if (was !== now) changes.push(`Implementation stage at ${wave.title}: ${stageText(was)} → ${stageText(now)}`)
  }
  return changes
}

/** A new practice's recorded values in words: "List size: 8,400"; what is not recorded is left out. */
export function practiceWords(p: PracticeDetails, stages: StageChoices, waves: readonly Wave[]): string[] {
  const words = (Object.keys(WORDS) as (keyof typeof WORDS)[]).filter((k) => k !== 'name' && p[k] !== null).map((k) => `${WORDS[k]}: ${valueText(k, p[k])}`)
  for (const wave of waves) {
    const stage = stages.get(wave.id)
    if (stage) words.push(`Implementation stage at ${wave.title}: ${stageText(stage)}`)
  }
  return words
}
