import { describe, expect, it } from 'vitest'
import type { Setting } from '../../server/questionnaires/definition-schema.js'
import { analyseItems, correlation, MIN_COMPLETE_CASES } from '../../server/scoring/item-analysis.js'
import { buildScoringPlan } from '../../server/scoring/scoring-plan.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'

const plan = buildScoringPlan(fixtureQuestionnaire)
const P1 = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]
const P2 = [2, 2, 3, 4, 4, 1, 3, 3, 5, 5]
const P3 = [1, 3, 2, 4, 5, 2, 2, 4, 4, 5]
/** Ten general-practice respondents answering participation/initiation's p1, p2, p3 (and c1 = p1). */
const people = (p3 = P3, setting: Setting = 'general_practice') =>
  P1.map((_, k) => respondent('A', setting, { p1: String(P1[k]), p2: String(P2[k]), p3: String(p3[k]), c1: String(P1[k]) }))
const scale = (q: ReturnType<typeof analyseItems>, key: string) => q.scales.find((s) => s.scale === key)!
const item = (q: ReturnType<typeof analyseItems>, id: string) => q.items.find((i) => i.item === id)!

describe('analyseItems: a scale', () => {
  const q = analyseItems(plan, people())
  const initiation = scale(q, 'participation/initiation')

  it('gives alpha over complete cases with Feldt’s interval', () => {
    // Item variances 20/9, 15.6/9, 17.6/9 (sum 53.2/9); totals 4 7 8 12 14 4 7 10 13 15, variance 144.4/9;
    // α = 3/2 · (1 − 53.2/144.4) = 18/19. Feldt: 1 − (1/19) · qf(0.975 | 0.025, 9, 18), qf from R 4.
    expect(initiation).toMatchObject({ items: 3, nComplete: 10, alphaNote: null, omegaNote: null })
    expect(initiation.alpha).toBeCloseTo(18 / 19, 14)
    expect(initiation.alphaLow).toBeCloseTo(0.84583618457245957, 12)
    expect(initiation.alphaHigh).toBeCloseTo(0.98578094003356209, 12)
  })

  it('gives the mean inter-item correlation, item–rest correlations and alpha if dropped (R 4: cor, base alpha)', () => {
    expect(initiation.meanR).toBeCloseTo(0.85744727914127239, 12)
    const expected = [
      ['p1', 0.96558946436807724, 0.86301369863013688],
      ['p2', 0.85575062066423602, 0.94972067039106145],
      ['p3', 0.85814767302901962, 0.94674556213017746],
    ]
    for (const [id, itemRest, dropped] of expected) {
      const m = initiation.members.find((x) => x.item === id)!
      expect(m.itemRest, `${id} item-rest`).toBeCloseTo(itemRest as number, 12)
      expect(m.alphaIfDropped, `${id} alpha if dropped`).toBeCloseTo(dropped as number, 12)
    }
    // α without p1: items p2, p3 with variances 15.6/9, 17.6/9 and covariance 12.6/9 → 2 · (1 − 33.2/58.4) = 50.4/58.4
    expect(initiation.members[0]!.alphaIfDropped).toBeCloseTo(50.4 / 58.4, 14)
  })

  it('gives omega total from the ML one-factor model (factanal in R 4 agrees to 1e-6)', () => {
    expect(initiation.omega).toBeCloseTo(0.95629588230162366, 6)
  })

  it('describes each item among its answers', () => {
    // p1: 1..5 twice: mean 3, SD √(20/9), floor and ceiling 2/10
    const p1 = item(q, 'p1')
    expect(p1).toMatchObject({ scale: 'participation/initiation', nShown: 10, nAnswered: 10, mean: 3, floor: 0.2, ceiling: 0.2, missing: 0, flags: [] })
    expect(p1.sd).toBeCloseTo(Math.sqrt(20 / 9), 14)
    expect(p1.notRelevant).toEqual([{ code: 'nr_stage', share: 0 }])
  })

  it('leaves a one-item scale without figures, saying why', () => {
    const differentiation = scale(q, 'coherence/differentiation')
    expect(differentiation).toMatchObject({ items: 2, nComplete: 0, alpha: null, alphaNote: 'too_few_cases', omegaNote: 'too_few_cases' })
    // The parent coherence has c1..c4; nobody answered c2, so no complete case either.
    expect(scale(q, 'coherence')).toMatchObject({ alpha: null, alphaNote: 'too_few_cases' })
  })
})

describe('analyseItems: a reversed item the definition does not mark reversed', () => {
  // p3 answered as the opposite of p1: the item is worded the other way round but scored as it stands.
  const q = analyseItems(plan, people(P1.map((x) => 6 - x)))
  it('is flagged with a negative item–rest correlation', () => {
    const p3 = item(q, 'p3')
    expect(p3.itemRest).toBeLessThan(0)
    expect(p3.flags).toEqual(['low_item_rest'])
    // rest = p1 + p2, r(6 − p1, p1 + p2) = −r(p1, p1 + p2): exact by hand from the variances above
    // cov(p1, p1 + p2) = (20 + 16)/9, var(p1 + p2) = (20 + 15.6 + 2·16)/9 → −36/√(20 · 67.6)
    expect(p3.itemRest).toBeCloseTo(-36 / Math.sqrt(20 * 67.6), 14)
    expect(item(q, 'p2').flags).toEqual([])
  })
})

describe('analyseItems: small numbers', () => {
  it(`gives no scale figure below ${MIN_COMPLETE_CASES} complete cases`, () => {
    const q = analyseItems(plan, people().slice(0, MIN_COMPLETE_CASES - 1))
    const initiation = scale(q, 'participation/initiation')
    expect(initiation).toMatchObject({ nComplete: 9, alpha: null, alphaLow: null, omega: null, meanR: null, alphaNote: 'too_few_cases' })
    expect(initiation.members.map((m) => m.itemRestNote)).toEqual(['too_few_cases', 'too_few_cases', 'too_few_cases'])
    expect(item(q, 'p1')).toMatchObject({ nAnswered: 9, mean: 25 / 9, descriptivesNote: null, itemRest: null, flags: [] })
  })

  it('gives no item description below 5 answers, and counts not relevant and missing among those shown the item', () => {
    const q = analyseItems(plan, [
      respondent('A', 'general_practice', { c1: '1', c2: 'nr_role' }),
      respondent('A', 'general_practice', { c1: '1', c2: 'nr_role' }),
      respondent('A', 'general_practice', { c1: '1', c2: 'nr_role' }),
      respondent('A', 'general_practice', { c1: '1', c2: 'nr_role' }),
      respondent('A', 'link_worker', { c1: '2', c2: '2' }),
      respondent('A', 'community', { c1: '1', c3: '5' }),
    ])
    const c2 = item(q, 'c2')
    expect(c2).toMatchObject({ nShown: 6, nAnswered: 1, mean: null, descriptivesNote: 'too_few_answers', flags: ['mostly_not_relevant'] })
    expect(c2.notRelevant).toEqual([{ code: 'nr_role', share: 4 / 6 }])
    expect(c2.missing).toBeCloseTo(1 / 6, 15)
    // c1: five of six at the floor (5/6 > 80%); c3 is shown to general practice only, so community's answer is ignored.
    expect(item(q, 'c1')).toMatchObject({ nAnswered: 6, floor: 5 / 6, ceiling: 0, flags: ['floor'] })
    expect(item(q, 'c3')).toMatchObject({ nShown: 4, nAnswered: 0, missing: null, sharesNote: 'too_few_answers' })
  })
})

describe('correlation', () => {
  it('is Pearson’s r, NaN without variance', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15)
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 15)
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNaN()
  })
})

describe('analyseItems: one setting', () => {
  it('analyses each scale on the items shown to the setting', () => {
    // Link workers are not shown p3: initiation is p1 and p2, variances 20/9 and 15.6/9, covariance 16/9,
    // α = 2 · (1 − 35.6/67.6) = 64/67.6. Communal specification is c4 alone for them, so it has one item.
    const q = analyseItems(plan, people(P3, 'link_worker'), 'link_worker')
    expect(scale(q, 'participation/initiation')).toMatchObject({ items: 2, nComplete: 10, omegaNote: 'too_few_items' })
    expect(scale(q, 'participation/initiation').alpha).toBeCloseTo(64 / 67.6, 14)
    expect(scale(q, 'coherence/communal')).toMatchObject({ items: 1, alphaNote: 'too_few_items' })
    expect(item(q, 'p3')).toMatchObject({ nShown: 0, nAnswered: 0, scale: null })
  })
})
