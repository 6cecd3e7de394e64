// A 0–10 rating with worded ends: a general item, reported as its own mean and never mixed into a scale.
import { z } from 'zod'
import { NOT_RELEVANT_CODES, itemBase, respondentText } from '../definition-parts.js'
import { answerBox, fieldsetParams, notRelevantChoices } from './choice-fields.js'
import { codeLabels, parseCodes } from './coded-answers.js'
import type { ItemTypeModule } from './item-type-module.js'
import { notRelevantIssues } from './not-relevant-issues.js'
import { baseTexts, withBaseTexts } from './item-texts.js'

export const scale0to10ItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('scale0to10'),
  labels: z.strictObject({ min: respondentText, max: respondentText }),
  notRelevant: z.array(z.enum(NOT_RELEVANT_CODES)).default([]),
})
export type Scale0to10Item = z.output<typeof scale0to10ItemSchema>

const NUMBERS = Array.from({ length: 11 }, (_, i) => String(i))
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

export const scale0to10ItemType: ItemTypeModule<Scale0to10Item> = {
  type: 'scale0to10',
  schema: scale0to10ItemSchema,
  texts: (item) => ({ ...baseTexts(item), 'labels.min': item.labels.min, 'labels.max': item.labels.max }),
  withTexts: (item, textOf) => ({ ...withBaseTexts(item, textOf), labels: { min: textOf('labels.min'), max: textOf('labels.max') } }),
  definitionIssues: notRelevantIssues,

  allowedValues: (item) => [...NUMBERS, ...item.notRelevant],
  parseAnswer: (item, sent) => parseCodes(item.id, sent, scale0to10ItemType.allowedValues(item), { many: false }),
  missingMessage: { key: 'survey:answers.missing.scale0to10' },
  field: (item, context) => {
    const { fill, t } = context
    const ends = t('survey:answers.scaleEnds', { min: fill(item.labels.min).toLowerCase(), max: fill(item.labels.max).toLowerCase() })
    return {
      component: 'radios',
      params: {
        ...fieldsetParams(item, context),
        hint: [item.hint && fill(item.hint), ends].filter(Boolean).join(' '),
        classes: 'ls-scale0to10',
        ends: { min: fill(item.labels.min), max: fill(item.labels.max) },
        items: [...NUMBERS.map((n) => answerBox(context, n, n)), ...notRelevantChoices(context, item.notRelevant)],
      },
    }
  },
  answerText: (_item, values, wording) => codeLabels(values, wording, () => undefined),

  numericRange: () => ({ min: 0, max: 10, reverse: false }),
  scoring: (item) => ({ role: 'general', item }),
  freeText: false,

  valueLabels: () => [],
  notRelevantCodes: (item) => item.notRelevant,
  codebookFields: () => ({ scalePath: undefined, maxLength: undefined }),
  wideLayout: 'one-column',
  r: {
    fixedLabels: undefined,
    optionLabels: false,
    numeric: true,
    labelled: `if (keep) levels_with_nr(as.character(0:10), as.character(0:10), FALSE) else
      as.numeric(ifelse(x %in% names(linkscore_not_relevant_labels), NA, x))`,
    answerLabels: '',
  },

  synthetic: (_item, { level, random }) => [String(Math.round(clamp(((level - 1) / 4) * 10 + random.normal(0, 1.2), 0, 10)))],
}
