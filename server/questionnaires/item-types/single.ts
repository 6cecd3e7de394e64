// A single-choice item: one of its own coded options, as radios.
import { z } from 'zod'
import { itemBase } from '../definition-parts.js'
import { choice, fieldsetParams } from './choice-fields.js'
import { parseCodes } from './coded-answers.js'
import type { ItemTypeModule } from './item-type-module.js'
import { baseTexts, optionTexts, withBaseTexts, withOptionTexts } from './item-texts.js'
import { duplicateOptionIssues, optionAnswerText, optionCodes, optionLabels, optionList } from './option-lists.js'

export const singleItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('single'),
  options: optionList(),
})
export type SingleItem = z.output<typeof singleItemSchema>

export const singleItemType: ItemTypeModule<SingleItem> = {
  type: 'single',
  schema: singleItemSchema,
  texts: (item) => ({ ...baseTexts(item), ...optionTexts(item) }),
  withTexts: (item, textOf) => withOptionTexts(withBaseTexts(item, textOf), textOf),
  definitionIssues: duplicateOptionIssues,

  allowedValues: optionCodes,
  parseAnswer: (item, sent) => parseCodes(item.id, sent, optionCodes(item), { many: false }),
  missingMessage: { key: 'survey:answers.missing.single' },
  field: (item, context) => ({
    component: 'radios',
    params: { ...fieldsetParams(item, context), items: item.options.map((o) => choice(context, o.code, context.fill(o.label))) },
  }),
  answerText: optionAnswerText,

  numericRange: () => undefined,
  scoring: () => ({ role: 'none' }),
  freeText: false,

  valueLabels: optionLabels,
  notRelevantCodes: () => [],
  codebookFields: () => ({ scalePath: undefined, maxLength: undefined }),
  wideLayout: 'one-column',
  r: {
    fixedLabels: undefined,
    optionLabels: true,
    numeric: false,
    labelled: 'factor(x, levels = names(linkscore_options[[key]]), labels = unname(linkscore_options[[key]]))',
    answerLabels: '',
  },

  synthetic: (item, { random }) => [random.pick(item.options).code],
}
