import { describe, expect, it } from 'vitest'
import { questionnaireSchema, type Questionnaire } from '../../server/questionnaires/definition-schema.js'
import { scoredItems } from '../../server/questionnaires/questionnaire-model.js'
import { commonItemsDefinition, commonScoredItemIds, versionBreak } from '../../server/scoring/common-items.js'
import { scoreWave } from '../../server/scoring/score-wave.js'
import { compareWaves } from '../../server/scoring/wave-change.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'

/**
 * Version 2 of the fixture: c1 reworded (still the same item), c2 dropped, a new c5 in differentiation, p3 now
 * reverse-keyed (no longer the same item) and g1 (unscored) dropped.
 */
function version2(): Questionnaire {
  const v2 = structuredClone(fixtureQuestionnaire)
  const [sense, joining] = v2.sections
  sense!.items = sense!.items.flatMap((item) => {
    if (item.id === 'c1') return [{ ...item, text: 'I can tell {intervention} apart from my other work.' }]
    if (item.id === 'c2') return [{ ...item, id: 'c5', text: 'I can describe {intervention} to a patient.', reverse: false, notRelevant: [] }]
    return [item]
  })
  joining!.items = joining!.items.flatMap((item) =>
    item.id === 'g1' ? [] : item.id === 'p3' && item.type === 'likert5' ? [{ ...item, reverse: true }] : [item],
  )
  return questionnaireSchema.parse({ ...v2, version: 2 })
}

describe('common items of two versions', () => {
  const v2 = version2()

  it('keeps the scored items asked the same way in both, whatever their wording', () => {
    expect(commonScoredItemIds(fixtureQuestionnaire, v2)).toEqual(['c1', 'c3', 'c4', 'p1', 'p2'])
    expect(versionBreak(fixtureQuestionnaire, v2)).toEqual({
      questionnaire: 'fixture',
      versionFrom: 1,
      versionTo: 2,
      compared: ['c1', 'c3', 'c4', 'p1', 'p2'],
      leftOut: [
        { id: 'c5', text: 'I can describe {intervention} to a patient.' },
        { id: 'p3', text: 'Clinicians refer to {intervention}.' },
        { id: 'c2', text: 'I find {intervention} hard to explain.' },
      ],
    })
    expect(versionBreak(fixtureQuestionnaire, fixtureQuestionnaire)).toBeNull()
  })

  it('restricts each definition to them and keeps its unscored items', () => {
    expect(scoredItems(commonItemsDefinition(fixtureQuestionnaire, v2)).map((i) => i.id)).toEqual(['c1', 'c3', 'c4', 'p1', 'p2'])
    expect(scoredItems(commonItemsDefinition(v2, fixtureQuestionnaire)).map((i) => i.id)).toEqual(['c1', 'c3', 'c4', 'p1', 'p2'])
    expect(commonItemsDefinition(fixtureQuestionnaire, v2).sections[1]!.items.map((i) => i.id)).toEqual(['p1', 'p2', 'g1', 's1'])
  })

  it('compares two waves in two versions on the common items only, as by hand', () => {
    // Wave 1 (version 1), c2 reverse-keyed: 2 → 4, 4 → 2, 1 → 5. Wave 2 (version 2) answers c5 with 1 throughout.
    const first = [
      { c1: '4', c2: '2' },
      { c1: '2', c2: '4' },
      { c1: '3', c2: '1' },
    ].map((a) => respondent('A', 'general_practice', a))
    const second = ['5', '4', '3'].map((c1) => respondent('A', 'general_practice', { c1, c5: '1' }))
    const compared = commonItemsDefinition(v2, fixtureQuestionnaire)
    const rows = compareWaves(
      scoreWave({ wave: 'w1', questionnaire: commonItemsDefinition(fixtureQuestionnaire, v2), respondents: first }),
      scoreWave({ wave: 'w2', questionnaire: compared, respondents: second }),
      compared,
    )
    // On c1 alone: wave 1 means 4, 2, 3 → mean 3, sd 1; wave 2 5, 4, 3 → mean 4, sd 1 (with c2 and c5 it would be 10/3 → 5/2).
    // va = vb = 1/3: t = 1/√(2/3) = √1.5, df = (2/3)² / (2 · (1/3)² / 2) = 4.
    const differentiation = rows.find((r) => r.scale === 'coherence/differentiation')!
    expect(differentiation).toMatchObject({ versionFrom: 1, versionTo: 2, itemsCompared: 1, nFrom: 3, nTo: 3, meanFrom: 3, meanTo: 4, difference: 1 })
    if (differentiation.withheld) throw new Error('shown')
    expect(differentiation.t).toBeCloseTo(Math.sqrt(1.5), 12)
    expect(differentiation.df).toBeCloseTo(4, 12)
    expect(rows.find((r) => r.scale === 'participation/initiation')).toMatchObject({ itemsCompared: 2, withheld: true })
    expect(rows.find((r) => r.scale === 'coherence')).toMatchObject({ itemsCompared: 3, meanFrom: 3, meanTo: 4 })
  })
})
