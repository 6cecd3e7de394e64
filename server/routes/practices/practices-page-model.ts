// The practices page, and the form that adds a practice or changes one (its context, and its stage at each wave).
import { IMPLEMENTATION_STAGES, type ImplementationStage, type Practice } from '../../domain/practice.js'
import type { Programme } from '../../domain/programme.js'
import type { Wave } from '../../domain/wave.js'
import type { Formats } from '../../i18n/format.js'
import { say, type Message, type Translate } from '../../i18n/translate.js'
import { PRACTICE_FIELDS, practiceValueText, stageField } from '../../services/practice-fields.js'
import type { PracticeInput, PracticeSummary } from '../../services/practice-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { editPracticePath, importPracticesPath, newPracticePath, practicePath, practicesPath, removePracticePath, wavesPath } from '../paths.js'

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
/** A stage as a page shows it: "Piloting". */
export const stageText = (t: Translate, stage: ImplementationStage) => capital(t(`study:stages.${stage}`))

/** "List size: 8,400", … : a practice's context, each value in the reader's words. */
function contextOf(p: Practice, t: Translate, format: Formats): string[] {
  const value = (field: 'listSize' | 'deprivationQuintile' | 'rurality' | 'spModel') => practiceValueText(t, format, field, p[field])
  return [
    t('study:practices.list.listSize', { value: value('listSize') }),
    t('study:practices.list.deprivationQuintile', { value: value('deprivationQuintile') }),
    t('study:practices.list.rurality', { value: value('rurality') }),
    t('study:practices.list.model', { value: value('spModel') }),
  ]
}

export function practicesPageModel(programme: Programme, waves: readonly Wave[], summaries: readonly PracticeSummary[], t: Translate, format: Formats) {
  return {
    title: t('study:practices.list.title', { programme: programme.name }),
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
      context: contextOf(p, t, format),
      waves: waves.map((w) => {
        const stage = stages.get(w.id)
        const n = submitted.get(w.id) ?? 0
        return { stage: stage ? stageText(t, stage) : t('study:practices.list.stageNotRecorded'), sent: t('study:practices.list.sent', { count: n }) }
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

export function practiceFormPageModel({ programme, waves, practice, values, issues = [] }: PracticeFormPage, t: Translate) {
  const order = [...PRACTICE_FIELDS, ...waves.map((w) => stageField(w.slug))]
  return {
    title: practice ? t('study:practices.form.titleEdit', { name: practice.name }) : t('study:practices.form.titleNew'),
    caption: programme.name,
    isNew: !practice,
    code: practice?.code,
    action: practice ? editPracticePath(programme.slug, practice.code) : practicesPath(programme.slug),
    backHref: practicesPath(programme.slug),
    values,
    ruralityItems: [
      { value: 'urban', text: t('study:practices.form.rurality.urban'), checked: values.rurality === 'urban' },
      { value: 'rural', text: t('study:practices.form.rurality.rural'), checked: values.rurality === 'rural' },
      { value: '', text: t('study:practices.form.rurality.notRecorded'), checked: values.rurality === '' },
    ],
    stageSelects: waves.map((w) => ({
      id: stageField(w.slug),
      label: t('study:practices.form.stageLabel', { wave: w.title }),
      items: [{ value: '', text: t('study:practices.form.notRecorded'), selected: values.stages[w.slug] === '' }].concat(
        IMPLEMENTATION_STAGES.map((s) => ({ value: s, text: stageText(t, s), selected: values.stages[w.slug] === s })),
      ),
    })),
    submitText: practice ? t('study:practices.form.save') : t('study:practices.form.add'),
    ...formErrors(issues, { order, t }),
  }
}

export function removePageModel(programme: Programme, practice: Practice, refusal: Message | string | undefined, t: Translate) {
  return {
    title: t('study:practices.remove.title', { name: practice.name }),
    caption: programme.name,
    refusal: typeof refusal === 'string' ? refusal : refusal && say(t, refusal),
    consequence: t('study:practices.remove.consequence', { name: practice.name, code: practice.code, programme: programme.name }),
    action: removePracticePath(programme.slug, practice.code),
    backHref: practicesPath(programme.slug),
  }
}
