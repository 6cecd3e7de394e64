// The practices page, and the form that adds a practice or changes one (its context, and its stage at each wave).
import { IMPLEMENTATION_STAGES, STAGE_LABELS, type Practice } from '../../domain/practice.js'
import type { Programme } from '../../domain/programme.js'
import type { Wave } from '../../domain/wave.js'
import { PRACTICE_FIELDS, stageField, valueText } from '../../services/practice-fields.js'
import type { PracticeInput, PracticeSummary } from '../../services/practice-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { editPracticePath, importPracticesPath, newPracticePath, practicePath, practicesPath, removePracticePath, wavesPath } from '../paths.js'
import { formatCount } from '../reports/display-numbers.js'

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export function practicesPageModel(programme: Programme, waves: readonly Wave[], summaries: readonly PracticeSummary[]) {
  return {
    title: `Practices: ${programme.name}`,
    wide: true,
    /** An archived programme's practices are listed without ways to change them. */
    archived: Boolean(programme.archivedAt),
    newHref: newPracticePath(programme.slug),
    importHref: importPracticesPath(programme.slug),
    wavesHref: wavesPath(programme.slug),
    waves: waves.map((w) => w.title),
    practices: summaries.map(({ practice: p, stages, submitted }) => ({
      code: p.code,
      name: p.name,
      context: [
        `List size: ${valueText('listSize', p.listSize)}`,
        `Deprivation quintile: ${valueText('deprivationQuintile', p.deprivationQuintile)}`,
        `Urban or rural: ${valueText('rurality', p.rurality)}`,
        `Model: ${valueText('spModel', p.spModel)}`,
      ],
      waves: waves.map((w) => {
        const stage = stages.get(w.id)
        const n = submitted.get(w.id) ?? 0
        return { stage: stage ? capital(STAGE_LABELS[stage]) : 'Stage not recorded', sent: `${formatCount(n)} ${n === 1 ? 'response' : 'responses'} sent` }
      }),
      editHref: editPracticePath(programme.slug, p.code),
      removeHref: removePracticePath(programme.slug, p.code),
      scorecardHref: practicePath(programme.slug, p.code),
    })),
  }
}

/** What the form shows, as typed; stages by wave slug. */
export type PracticeValues = Record<(typeof PRACTICE_FIELDS)[number], string> & { stages: Record<string, string> }

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v))

/** From the posted form: the details and a `stage-<wave>` select per wave. */
export function practiceValues(body: Record<string, unknown>, waves: readonly Wave[]): PracticeValues {
  const values = { ...Object.fromEntries(PRACTICE_FIELDS.map((f) => [f, text(body[f])])), stages: {} } as unknown as PracticeValues
  values.stages = Object.fromEntries(waves.map((w) => [w.slug, text(body[stageField(w.slug)])]))
  return values
}

export function savedValues(practice: Practice, stages: ReadonlyMap<number, string>, waves: readonly Wave[]): PracticeValues {
  return practiceValues({ ...practice, ...Object.fromEntries(waves.map((w) => [stageField(w.slug), stages.get(w.id) ?? ''])) }, waves)
}

export const asInput = (values: PracticeValues): PracticeInput => values

export interface PracticeFormPage {
  programme: Programme
  waves: readonly Wave[]
  practice?: Practice
  values: PracticeValues
  issues?: readonly FieldIssue[]
}

export function practiceFormPageModel({ programme, waves, practice, values, issues = [] }: PracticeFormPage) {
  const order = [...PRACTICE_FIELDS, ...waves.map((w) => stageField(w.slug))]
  return {
    title: practice ? `Change ${practice.name}` : 'Add a practice',
    caption: programme.name,
    isNew: !practice,
    code: practice?.code,
    action: practice ? editPracticePath(programme.slug, practice.code) : practicesPath(programme.slug),
    backHref: practicesPath(programme.slug),
    values,
    ruralityItems: [
      { value: 'urban', text: 'Urban', checked: values.rurality === 'urban' },
      { value: 'rural', text: 'Rural', checked: values.rurality === 'rural' },
      { value: '', text: 'Not recorded', checked: values.rurality === '' },
    ],
    stageSelects: waves.map((w) => ({
      id: stageField(w.slug),
      label: `Implementation stage at ${w.title}`,
      items: [{ value: '', text: 'Not recorded', selected: values.stages[w.slug] === '' }].concat(
        IMPLEMENTATION_STAGES.map((s) => ({ value: s, text: capital(STAGE_LABELS[s]), selected: values.stages[w.slug] === s })),
      ),
    })),
    submitText: practice ? 'Save changes' : 'Add the practice',
    ...formErrors(issues, { order }),
  }
}

export function removePageModel(programme: Programme, practice: Practice, refusal: string | undefined) {
  return {
    title: `Remove ${practice.name}`,
    caption: programme.name,
    refusal,
    consequence: `${practice.name} (${practice.code}) will be removed from ${programme.name}, with its unused invitations and the stages recorded for it. This cannot be undone.`,
    action: removePracticePath(programme.slug, practice.code),
    backHref: practicesPath(programme.slug),
  }
}
