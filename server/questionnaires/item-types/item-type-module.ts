// The contract every question type fulfils: the survey, the exports, scoring and the demo ask an item's type module, never its type name.
import type { z } from 'zod'
import type { Words } from '../../errors.js'
import { say, type Translate } from '../../i18n/translate.js'
import type { ItemBase, NotRelevantCode } from '../definition-parts.js'
import type { Likert5Item } from './likert5.js'
import type { Scale0to10Item } from './scale0to10.js'

/** Fills {intervention} into a text shown to people. */
export type Fill = (text: string) => string

/** How a page words an item: {intervention} filled in, and the interface's own words in the page's language. */
export interface Wording {
  fill: Fill
  t: Translate
}

/** A message of the catalogue, or (for a type added without messages of its own) plain text. */
export function wordsIn(t: Translate, words: Words): string {
  return typeof words === 'string' ? words : say(t, words)
}

/** Stored values (none for a blank item), or why what was sent cannot be stored. */
export type ParsedAnswer = { values: string[] } | { error: Words }

export interface FieldContext extends Wording {
  /** The values to show as chosen or entered: stored ones, or what the person just sent. */
  values: readonly string[]
  errorMessage?: string | undefined
}

/** A form component, views/components/<component>.ejs, and its one params object. */
export interface ItemField {
  component: string
  params: Record<string, unknown>
}

export interface ValueLabel {
  code: string
  label: string
}

/** The stored codes are the whole numbers min…max; a reverse-keyed item scores them backwards (min + max − x). */
export interface NumericRange {
  min: number
  max: number
  reverse: boolean
}

/** What scoring makes of an item: part of a scale, a 0–10 item reported on its own, or nothing. */
export type ItemScoring = { role: 'scale'; item: Likert5Item; scale: readonly string[] } | { role: 'general'; item: Scale0to10Item } | { role: 'none' }

/** The codebook's columns that only some types fill. */
export interface CodebookFields {
  scalePath: readonly string[] | undefined
  maxLength: number | undefined
}

/**
 * How the generated R script reads the type's answers. The R snippets are fixed text for the type; per-item labels
 * reach them through linkscore_options and linkscore_not_relevant.
 */
export interface RReading {
  /** Labels of codes every item of the type shares, written as `linkscore_<type>_labels` for the snippets to use. */
  fixedLabels: readonly string[] | undefined
  /** Whether the item's value labels go in linkscore_options, from which answers and 0/1 columns are labelled. */
  optionLabels: boolean
  /** Whether linkscore_read_answers reads the code as a number. */
  numeric: boolean
  /** This type's arm of linkscore_labelled's switch: R over x (the codes), key, keep and levels_with_nr. Undefined keeps the codes. */
  labelled: string | undefined
  /** Lines of linkscore_read_answers that label the type's answers other than from linkscore_options; '' for none. */
  answerLabels: string
}

/** The few draws the demo's synthetic answers need (a seeded generator). */
export interface SyntheticRandom {
  normal(mean?: number, sd?: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

export interface SyntheticContext {
  /** How much the made-up respondent agrees with this item's top-level scale, roughly 1–5. */
  level: number
  random: SyntheticRandom
  textAnswers: { helps: readonly string[]; hinders: readonly string[]; other: readonly string[] }
}

/** The texts of an item a person reads, by their path inside the item: `text`, `hint`, `options.<code>`, `labels.min` … */
export type ItemTexts = Record<string, string>

/** A problem with one item that its schema cannot see, with a path inside the item. */
export interface DefinitionIssue {
  path: (string | number)[]
  message: string
}

export interface ItemTypeModule<I extends ItemBase> {
  type: I['type']
  /** The definition schema: a zod strictObject of the item base fields and the `type` literal. */
  schema: z.ZodType<I, unknown>
  /** Checks across the item's fields, run once the whole definition has the right shape. */
  definitionIssues(item: I): DefinitionIssue[]

  /** Every text a person reads, by path: what a translation must give in its language. Codes and ids are never texts. */
  texts(item: I): ItemTexts
  /** The item with each text of texts(item) replaced by textOf(its path); ids, codes and everything else as they were. */
  withTexts(item: I, textOf: (path: string) => string): I

  /** Values a radio or checkbox accepts, in the order shown; none for free text. */
  allowedValues(item: I): string[]
  /** What was sent for the item (every value of its field) → what to store. Throws TamperedInputError for input the page could never send. */
  parseAnswer(item: I, sent: readonly string[]): ParsedAnswer
  /** The error for a required item left blank, before ": " and the question. */
  missingMessage: Words
  /** The field on the survey page: plain data for the component's template. */
  field(item: I, context: FieldContext): ItemField
  /** A stored answer (one value or more) as lines on "Check your answers". */
  answerText(item: I, values: readonly string[], wording: Wording): string[]

  numericRange(item: I): NumericRange | undefined
  scoring(item: I): ItemScoring
  /** Whether answers are the person's own words, which reports quote rather than count. */
  freeText: boolean

  /** Codes with their labels (before {intervention} is filled), in the order shown; "not relevant" codes are not among them. */
  valueLabels(item: I): ValueLabel[]
  notRelevantCodes(item: I): readonly NotRelevantCode[]
  codebookFields(item: I): CodebookFields
  /** In the wide export: one column holding the code, or a 0/1 column per code of valueLabels. */
  wideLayout: 'one-column' | 'column-per-code'
  r: RReading

  /** A made-up answer for the demo; what it draws from `random` is part of the demo data, so change it knowingly. */
  synthetic(item: I, context: SyntheticContext): string[]
}
