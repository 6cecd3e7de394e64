// Each built-in type's module, by hand-worked cases: what it accepts, refuses, shows and exports.
import { describe, expect, it } from 'vitest'
import { itemSchema } from '../../../server/questionnaires/definition-schema.js'
import { BUILT_IN_ITEM_TYPES, type ItemTypeModules } from '../../../server/questionnaires/item-types/built-in-item-types.js'
import { wordsIn, type ItemTypeModule } from '../../../server/questionnaires/item-types/item-type-module.js'
import { itemTypeFor, registeredItemTypes } from '../../../server/questionnaires/item-types/item-type-registry.js'
import type { Likert5Item } from '../../../server/questionnaires/item-types/likert5.js'
import { TamperedInputError } from '../../../server/questionnaires/item-types/tampered-input-error.js'
import { english, translator } from '../../../server/i18n/translate.js'

const fill = (text: string) => text.replaceAll('{intervention}', 'SP')
const wording = { fill, t: english }
const items = {
  likert5: BUILT_IN_ITEM_TYPES.likert5.schema.parse({ id: 'a', type: 'likert5', text: 'Agree?', reverse: true, notRelevant: ['nr_intervention'], scale: ['org'] }),
  scale0to10: BUILT_IN_ITEM_TYPES.scale0to10.schema.parse({ id: 'b', type: 'scale0to10', text: 'How much?', labels: { min: 'None', max: 'All' }, notRelevant: ['nr_role'] }),
  single: BUILT_IN_ITEM_TYPES.single.schema.parse({ id: 'c', type: 'single', text: 'Which?', options: [{ code: 'x', label: 'Ex' }, { code: 'y', label: 'Why {intervention}' }] }),
  multi: BUILT_IN_ITEM_TYPES.multi.schema.parse({ id: 'd', type: 'multi', text: 'Which ones?', options: [{ code: 'x', label: 'Ex' }, { code: 'y', label: 'Why' }] }),
  text: BUILT_IN_ITEM_TYPES.text.schema.parse({ id: 'e', type: 'text', text: 'Say more', maxLength: 5 }),
}

const cases = [
  {
    item: items.likert5,
    allowed: ['1', '2', '3', '4', '5', 'nr_intervention'],
    sent: ['4'],
    tampered: [['6'], ['1', '2'], ['nr_role']],
    missing: 'Select how much you agree',
    answer: { values: ['nr_intervention'], text: ['Not relevant to SP'] },
    labels: ['1', '2', '3', '4', '5'],
    range: { min: 1, max: 5, reverse: true },
    role: 'scale',
    component: 'radios',
  },
  {
    item: items.scale0to10,
    allowed: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'nr_role'],
    sent: ['0'],
    tampered: [['11'], ['0', '1']],
    missing: 'Select a number from 0 to 10',
    answer: { values: ['7'], text: ['7'] },
    labels: [],
    range: { min: 0, max: 10, reverse: false },
    role: 'general',
    component: 'radios',
  },
  {
    item: items.single,
    allowed: ['x', 'y'],
    sent: ['y'],
    tampered: [['z'], ['x', 'y']],
    missing: 'Select an answer',
    answer: { values: ['y'], text: ['Why SP'] },
    labels: ['x', 'y'],
    range: undefined,
    role: 'none',
    component: 'radios',
  },
  {
    item: items.multi,
    allowed: ['x', 'y'],
    sent: ['x', 'y'],
    tampered: [['z'], ['x', 'x']],
    missing: 'Select at least one option',
    answer: { values: ['y', 'x'], text: ['Why', 'Ex'] },
    labels: ['x', 'y'],
    range: undefined,
    role: 'none',
    component: 'checkboxes',
  },
  {
    item: items.text,
    allowed: [],
    sent: ['hello'],
    tampered: [['a', 'b']],
    missing: 'Enter an answer',
    answer: { values: ['two\nlines'], text: ['two', 'lines'] },
    labels: [],
    range: undefined,
    role: 'none',
    component: 'textarea',
  },
]

describe('the built-in item types', () => {
  it('has one module per type, under its own name, in the order of the schema', () => {
    for (const [type, module] of Object.entries(BUILT_IN_ITEM_TYPES)) expect(module.type).toBe(type)
    expect(registeredItemTypes().map((m) => m.type)).toEqual(itemSchema.options.map((o) => o.shape.type.value))
  })

  it.each(cases)('$item.type: accepts what its field offers and stores it as sent', ({ item, allowed, sent }) => {
    const type = itemTypeFor(item)
    expect(type.allowedValues(item)).toEqual(allowed)
    expect(type.parseAnswer(item, sent)).toEqual({ values: sent })
    expect(type.parseAnswer(item, [])).toEqual({ values: [] })
  })

  it.each(cases)('$item.type: input its page could never send is tampering', ({ item, tampered }) => {
    for (const sent of tampered) expect(() => itemTypeFor(item).parseAnswer(item, sent), sent.join(',')).toThrow(TamperedInputError)
  })

  it.each(cases)('$item.type: says what is missing, and reads an answer back', ({ item, missing, answer }) => {
    const type = itemTypeFor(item)
    expect(wordsIn(english, type.missingMessage)).toBe(missing)
    expect(type.answerText(item, answer.values, wording)).toEqual(answer.text)
  })

  it.each(cases)('$item.type: labels its codes, has its numbers and its part in scoring', ({ item, labels, range, role, component }) => {
    const type = itemTypeFor(item)
    expect(type.valueLabels(item).map((l) => l.code)).toEqual(labels)
    expect(type.numericRange(item)).toEqual(range)
    expect(type.scoring(item).role).toBe(role)
    expect(type.field(item, { ...wording, values: [] }).component).toBe(component)
  })

  it('text: a blank answer is no answer, and one too long is an error to show, not tampering', () => {
    expect(itemTypeFor(items.text).parseAnswer(items.text, ['  \r\n '])).toEqual({ values: [] })
    const tooLong = itemTypeFor(items.text).parseAnswer(items.text, ['abc\r\ndef'])
    expect('error' in tooLong && wordsIn(english, tooLong.error)).toBe('Your answer must be 5 characters or fewer (it has 7)')
  })

  it("words its choices, hints and messages in the page's language, over the same stored codes", () => {
    const dutch = { fill, t: translator('nl') }
    const likert = itemTypeFor(items.likert5).field(items.likert5, { ...dutch, values: [] })
    const choices = likert.params.items as { value?: string; text?: string; divider?: string }[]
    expect(choices.map((c) => c.divider ?? `${c.value}=${c.text}`)).toEqual([
      '1=Helemaal mee oneens',
      '2=Mee oneens',
      '3=Niet mee eens, niet mee oneens',
      '4=Mee eens',
      '5=Helemaal mee eens',
      'of',
      'nr_intervention=Niet van toepassing op SP',
    ])
    expect(itemTypeFor(items.likert5).answerText(items.likert5, ['2', 'nr_intervention'], dutch)).toEqual(['Mee oneens', 'Niet van toepassing op SP'])
    expect(itemTypeFor(items.scale0to10).field(items.scale0to10, { ...dutch, values: [] }).params.hint).toBe('0 betekent none, 10 betekent all.')
    expect(Object.values(items).map((item) => wordsIn(dutch.t, itemTypeFor(item).missingMessage))).toEqual([
      'Kies in hoeverre u het ermee eens bent',
      'Kies een getal van 0 tot en met 10',
      'Kies een antwoord',
      'Kies ten minste één mogelijkheid',
      'Vul een antwoord in',
    ])
  })

  it('text: writes the limit and the length as each language writes numbers', () => {
    const long = BUILT_IN_ITEM_TYPES.text.schema.parse({ id: 'f', type: 'text', text: 'Say a lot', maxLength: 1000 })
    const result = itemTypeFor(long).parseAnswer(long, ['x'.repeat(1234)])
    expect('error' in result && [wordsIn(english, result.error), wordsIn(translator('nl'), result.error)]).toEqual([
      'Your answer must be 1,000 characters or fewer (it has 1,234)',
      'Uw antwoord mag hoogstens 1.000 tekens lang zijn (het heeft er 1.234)',
    ])
  })

  it('single and multi: two options with one code is a definition problem at the options', () => {
    const twice = { ...items.single, options: [items.single.options[0]!, items.single.options[0]!] }
    expect(itemTypeFor(twice).definitionIssues(twice)).toEqual([{ path: ['options'], message: 'two options share a code' }])
    expect(itemTypeFor(items.single).definitionIssues(items.single)).toEqual([])
  })

  it('only multi takes a 0/1 column per code in the wide export', () => {
    expect(Object.values(items).filter((item) => itemTypeFor(item).wideLayout === 'column-per-code')).toEqual([items.multi])
  })
})

describe('the compiler', () => {
  it('refuses a registry missing a type, and a module missing a capability', () => {
    const { text: _text, ...withoutText } = BUILT_IN_ITEM_TYPES
    // @ts-expect-error -- every member of the Item union needs its module
    const missingType: ItemTypeModules = withoutText
    const { synthetic: _synthetic, ...withoutSynthetic } = BUILT_IN_ITEM_TYPES.likert5
    // @ts-expect-error -- every capability is a required member
    const missingCapability: ItemTypeModule<Likert5Item> = withoutSynthetic
    expect([missingType, missingCapability]).toHaveLength(2)
  })
})
