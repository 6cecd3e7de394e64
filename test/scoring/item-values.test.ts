import { describe, expect, it } from 'vitest'
import { allItems } from '../../server/questionnaires/questionnaire-model.js'
import { itemValue, itemValueReader } from '../../server/scoring/item-values.js'
import { ScoringInputError } from '../../server/scoring/scoring-input-error.js'
import { buildScoringPlan } from '../../server/scoring/scoring-plan.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'

const item = (id: string) => allItems(fixtureQuestionnaire).find((i) => i.id === id)!

describe('itemValue', () => {
  it.each([
    ['c1', '1', 1],
    ['c1', '4', 4],
    ['c1', '5', 5],
    // c2 is reverse-keyed: min + max − x = 6 − x
    ['c2', '1', 5],
    ['c2', '2', 4],
    ['c2', '3', 3],
    ['c2', '5', 1],
    ['g1', '0', 0],
    ['g1', '10', 10],
  ])('%s stored as %s is worth %d', (id, code, value) => {
    expect(itemValue(item(id), code)).toBe(value)
  })

  it.each([
    ['c2', 'nr_role'], // a reverse item answered "not relevant" is missing, not flipped
    ['p1', 'nr_stage'],
    ['g1', 'nr_stage'],
    ['c1', undefined],
  ])('%s stored as %s is missing', (id, code) => {
    expect(itemValue(item(id), code)).toBeUndefined()
  })

  it.each([
    ['c1', '6'],
    ['c1', '0'],
    ['c1', '4.5'],
    ['c1', ''],
    ['g1', '11'],
  ])('%s stored as %j is refused', (id, code) => {
    expect(() => itemValue(item(id), code, 42)).toThrow(ScoringInputError)
  })
})

describe('itemValueReader', () => {
  it('reads every scored item in plan order, NaN where missing', () => {
    const plan = buildScoringPlan(fixtureQuestionnaire)
    expect(plan.items.map((i) => i.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'p1', 'p2', 'p3'])
    const values = itemValueReader(plan)(respondent('A', 'general_practice', { c1: '5', c2: 'nr_role', c3: '2', p3: '1', g1: '7', s1: 'over_1' }))
    expect([...values]).toEqual([5, Number.NaN, 2, Number.NaN, Number.NaN, Number.NaN, 1])
  })

  it('ignores answers stored for items not shown to the setting', () => {
    // c3 and p3 are shown to general practice only; c4 to link workers and community
    const values = itemValueReader(buildScoringPlan(fixtureQuestionnaire))(respondent('A', 'link_worker', { c3: '5', c4: '4', p3: '2' }))
    expect([...values]).toEqual([Number.NaN, Number.NaN, Number.NaN, 4, Number.NaN, Number.NaN, Number.NaN])
  })

  it('names the response and item when a stored code is impossible', () => {
    const read = itemValueReader(buildScoringPlan(fixtureQuestionnaire))
    const r = respondent('A', 'general_practice', { p2: '9' })
    expect(() => read(r)).toThrow(`response ${r.responseId}: item "p2" holds "9"`)
  })
})
