// A free-text item: the person's own words, up to maxLength characters, quoted in reports.
import { z } from 'zod'
import { itemBase } from '../definition-parts.js'
import type { ItemTypeModule } from './item-type-module.js'
import { baseTexts, withBaseTexts } from './item-texts.js'
import { TamperedInputError } from './tampered-input-error.js'

export const textItemSchema = z.strictObject({
  ...itemBase,
  type: z.literal('text'),
  maxLength: z.number().int().min(1).max(5000).default(1000),
})
export type TextItem = z.output<typeof textItemSchema>

export const textItemType: ItemTypeModule<TextItem> = {
  type: 'text',
  schema: textItemSchema,
  texts: baseTexts,
  withTexts: withBaseTexts,
  definitionIssues: () => [],

  allowedValues: () => [],
  parseAnswer: (item, sent) => {
    if (sent.length > 1) throw new TamperedInputError(`"${item.id}" sent more than once`)
    const text = (sent[0] ?? '').replace(/\r\n?/g, '\n').trim()
    if (text.length > item.maxLength) return { error: { key: 'survey:answers.tooLong', values: { max: item.maxLength, length: text.length } } }
    return { values: text ? [text] : [] }
  },
  missingMessage: { key: 'survey:answers.missing.text' },
  field: (item, { fill, values, errorMessage }) => ({
    component: 'textarea',
    params: { name: item.id, id: item.id, label: fill(item.text), hint: item.hint && fill(item.hint), errorMessage, value: values[0] ?? '', maxLength: item.maxLength },
  }),
  answerText: (_item, values) => values[0]!.split('\n'),

  numericRange: () => undefined,
  scoring: () => ({ role: 'none' }),
  freeText: true,

  valueLabels: () => [],
  notRelevantCodes: () => [],
  codebookFields: (item) => ({ scalePath: undefined, maxLength: item.maxLength }),
  wideLayout: 'one-column',
  r: { fixedLabels: undefined, optionLabels: false, numeric: false, labelled: undefined, answerLabels: '' },

  synthetic: (item, { random, textAnswers }) => {
    if (random.chance(0.3)) return []
    const pool = /barrier|hinder|get_in_the_way|gets_in/.test(item.id)
      ? textAnswers.hinders
      : /facilitat|help/.test(item.id)
        ? textAnswers.helps
        : textAnswers.other
    return [random.pick(pool)]
  },
}
