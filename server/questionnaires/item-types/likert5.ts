// An agree–disagree item, stored as 1–5: the only type that scores into scales.
import { z } from 'zod'
import { LIKERT5_LABELS, likert5Labels } from '../answer-labels.js'
import { NOT_RELEVANT_CODES, identifier, itemBase } from '../definition-parts.js'
import { answerBox, fieldsetParams, notRelevantChoices } from './choice-fields.js'
import { codeLabels, parseCodes } from './coded-answers.js'
import type { ItemTypeModule } from './item-type-module.js'
import { notRelevantIssues } from './not-relevant-issues.js'
import { baseTexts, withBaseTexts } from './item-texts.js'

export const likert5ItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('likert5'),
  reverse: z.boolean().default(false),
  notRelevant: z.array(z.enum(NOT_RELEVANT_CODES)).default([]),
  scale: z.array(identifier).min(1).optional(),
})
export type Likert5Item = z.output<typeof likert5ItemSchema>

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

export const likert5ItemType: ItemTypeModule<Likert5Item> = {
  type: 'likert5',
  schema: likert5ItemSchema,
  texts: baseTexts,
  withTexts: withBaseTexts,
  definitionIssues: notRelevantIssues,

  allowedValues: (item) => ['1', '2', '3', '4', '5', ...item.notRelevant],
  parseAnswer: (item, sent) => parseCodes(item.id, sent, likert5ItemType.allowedValues(item), { many: false }),
  missingMessage: { key: 'survey:answers.missing.likert5' },
  field: (item, context) => ({
    component: 'radios',
    params: {
      ...fieldsetParams(item, context),
      classes: 'ls-likert',
      items: [...likert5Labels(context.t).map((label, i) => answerBox(context, String(i + 1), label)), ...notRelevantChoices(context, item.notRelevant)],
    },
  }),
  answerText: (_item, values, wording) => codeLabels(values, wording, (code) => likert5Labels(wording.t)[Number(code) - 1]),

  numericRange: (item) => ({ min: 1, max: 5, reverse: item.reverse }),
  scoring: (item) => (item.scale ? { role: 'scale', item, scale: item.scale } : { role: 'none' }),
  freeText: false,

  valueLabels: () => LIKERT5_LABELS.map((label, i) => ({ code: String(i + 1), label })),
  notRelevantCodes: (item) => item.notRelevant,
  codebookFields: (item) => ({ scalePath: item.scale, maxLength: undefined }),
  wideLayout: 'one-column',
  r: {
    fixedLabels: LIKERT5_LABELS,
    optionLabels: false,
    numeric: true,
    labelled: 'levels_with_nr(as.character(1:5), linkscore_likert5_labels, TRUE)',
    answerLabels: `  likert <- type %in% "likert5" & !d$not_relevant
  d$label[likert] <- linkscore_likert5_labels[as.integer(d$value[likert])]
`,
  },

  synthetic: (item, { level, random }) => {
    if (item.notRelevant.length > 0 && random.chance(0.04)) return [random.pick(item.notRelevant)]
    if (random.chance(0.02)) return []
    const agreement = Math.round(clamp(level + random.normal(0, 0.55), 1, 5))
    return [String(item.reverse ? 6 - agreement : agreement)]
  },
}
