// A multi-choice item: any of its own coded options, as checkboxes; a 0/1 column per option in the wide export.
import { z } from 'zod'
import { itemBase } from '../definition-parts.js'
import { choice, fieldsetParams } from './choice-fields.js'
import { parseCodes } from './coded-answers.js'
import type { ItemTypeModule } from './item-type-module.js'
import { baseTexts, optionTexts, withBaseTexts, withOptionTexts } from './item-texts.js'
import { duplicateOptionIssues, optionAnswerText, optionCodes, optionLabels, optionList } from './option-lists.js'

export const multiItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('multi'),
  options: optionList(),
})
export type MultiItem = z.output<typeof multiItemSchema>

export const multiItemType: ItemTypeModule<MultiItem> = {
  type: 'multi',
  schema: multiItemSchema,
  texts: (item) => ({ ...baseTexts(item), ...optionTexts(item) }),
  withTexts: (item, textOf) => withOptionTexts(withBaseTexts(item, textOf), textOf),
  definitionIssues: duplicateOptionIssues,

  allowedValues: optionCodes,
  parseAnswer: (item, sent) => parseCodes(item.id, sent, optionCodes(item), { many: true }),
  missingMessage: { key: 'survey:answers.missing.multi' },
  field: (item, context) => ({
    component: 'checkboxes',
    params: { ...fieldsetParams(item, context), items: item.options.map((o) => choice(context, o.code, context.fill(o.label))) },
  }),
  answerText: optionAnswerText,

  numericRange: () => undefined,
  scoring: () => ({ role: 'none' }),
  freeText: false,

  valueLabels: optionLabels,
  notRelevantCodes: () => [],
  codebookFields: () => ({ scalePath: undefined, maxLength: undefined }),
  wideLayout: 'column-per-code',
  // Its answers are read per option column (0/1), labelled from linkscore_options; no factor of its own.
  r: { fixedLabels: undefined, optionLabels: true, numeric: false, labelled: undefined, answerLabels: '' },

  synthetic: (item, { random }) => {
    const chosen = item.options.filter(() => random.chance(0.35)).map((o) => o.code)
    return chosen.length ? chosen : [item.options[0]!.code]
  },
}
