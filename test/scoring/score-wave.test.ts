import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SETTINGS } from '../../server/questionnaires/definition-schema.js'
import type { Respondent } from '../../server/scoring/respondent.js'
import { scoreBreakdowns } from '../../server/scoring/score-breakdowns.js'
import { scoreWave, waveScoring, type WaveScores } from '../../server/scoring/score-wave.js'
import { scoredPractices } from '../../server/scoring/scored-practices.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'
import { respondent } from './fixtures/respondents.js'
import { workedExample } from './fixtures/worked-example.js'

const FIGURES = ['n', 'mean', 'score', 'sd', 'ci', 'scoreCi', 'rwg', 'rwgItems', 'lowAgreement', 'band', 'rank']
const wave = (respondents: readonly Respondent[], options = {}) => scoreWave({ wave: 'w1', questionnaire: fixtureQuestionnaire, respondents, options })
const breakdowns = (respondents: readonly Respondent[], options = {}) =>
  scoreBreakdowns({ wave: 'w1', questionnaire: fixtureQuestionnaire, respondents, options })
const row = (scores: WaveScores, practiceCode: string, scale: string) => scores.practices.find((r) => r.practiceCode === practiceCode && r.scale === scale)!
const stats = (scores: WaveScores, scale: string) => scores.scaleStats.find((s) => s.scale === scale)!

describe('scoreWave: the worked example (docs/scoring.md)', () => {
  const scores = wave(workedExample())

  it('scores practice A on differentiation', () => {
    // Respondent scores (c2 reversed: 6 − x): A1 (4 + 4)/2 = 4, A2 (5 + 5)/2 = 5, A3 3 (c2 not relevant;
    // 1 of 2 answered meets ceil(0.5 × 2) = 1), A4 (4 + 3)/2 = 3.5, A5 (2 + 2)/2 = 2.
    // n 5, mean 3.5, score (3.5 − 1)/4 × 100 = 62.5 (Developing), SD √(5/4).
    // rwg(J): c1 variance 1.3, reversed c2 (A3 missing) 5/3; s̄² = 89/60; 2(1 − 89/120)/(… + 89/120) = 62/151.
    const a = row(scores, 'A', 'coherence/differentiation')
    expect(a).toMatchObject({ withheld: false, n: 5, mean: 3.5, score: 62.5, band: 'Developing', rank: 1, rwgItems: 2, lowAgreement: true })
    if (a.withheld) throw new Error('shown')
    expect(a.sd).toBeCloseTo(Math.sqrt(1.25), 12)
    expect(a.rwg).toBeCloseTo(62 / 151, 12)
    expect((a.ci!.high - 3.5) / 0.5).toBeCloseTo(2.776, 3) // t(0.975, 4) × SE 0.5
    expect(a.scoreCi!.low).toBeCloseTo((a.ci!.low - 1) * 25, 12)
  })

  it('scores the parent scale from all its items shown to each setting', () => {
    // coherence: general practice sees c1 c2 c3, link workers c1 c2 c4; 2 answers needed.
    // A1 (4 + 4 + 5)/3 = 13/3; A2 (5 + 5 + 4)/3 = 14/3; A3 1 answer → missing; A4 (4 + 3 + 4)/3 = 11/3; A5 2.
    // mean (13/3 + 14/3 + 11/3 + 2)/4 = 11/3; score (8/3) × 25 = 200/3
    const a = row(scores, 'A', 'coherence')
    expect(a).toMatchObject({ withheld: false, n: 4 })
    if (a.withheld) throw new Error('shown')
    expect(a.mean).toBeCloseTo(11 / 3, 12)
    expect(a.score).toBeCloseTo(200 / 3, 12)
  })

  it('gives tied practices the same rank', () => {
    // B and D: 4, 4, 2 → mean 10/3, score 175/3 = 58.33…, both rank 2 behind A
    for (const code of ['B', 'D']) {
      const r = row(scores, code, 'coherence/differentiation')
      expect(r).toMatchObject({ withheld: false, n: 3, rank: 2, band: 'Developing' })
      if (r.withheld) throw new Error('shown')
      expect(r.mean).toBeCloseTo(10 / 3, 12)
      // c1 4 4 2 and reversed c2 4 4 2: both variances 4/3; ratio 2/3; 2(1/3)/(2/3 + 2/3) = 0.5
      expect(r.rwg).toBeCloseTo(0.5, 12)
    }
  })

  it('withholds practice C (n = 2) with no figure at all', () => {
    const c = row(scores, 'C', 'coherence/differentiation')
    expect(c).toEqual({
      questionnaire: 'fixture',
      level: 'component',
      scale: 'coherence/differentiation',
      scalePath: ['coherence', 'differentiation'],
      scaleName: 'Differentiation',
      practiceCode: 'C',
      wave: 'w1',
      withheld: true,
    })
  })

  it('withholds practices with no scores on a scale', () => {
    expect(row(scores, 'B', 'participation/initiation')).toMatchObject({ withheld: true })
    expect(Object.keys(row(scores, 'B', 'participation/initiation'))).not.toContain('n')
  })

  it('gives programme statistics over the practices shown', () => {
    // A, B, D (C withheld): 11 respondents. Exactly, SSB = 5/66, SSW = 31/3, MSB = 5/132, MSW = 31/24,
    // k = 11/3 → ICC(1) = −993/2758, ICC(2) = 1 − MSW/MSB = −331/10 (practices differ less than chance).
    // alpha: 10 complete respondents (A3 lacks c2): item variances 7/6 and 52/45, total 409/90 → 400/409.
    const s = stats(scores, 'coherence/differentiation')
    expect(s).toMatchObject({ nPractices: 3, nRespondents: 11, iccPractices: 3, alphaN: 10, alphaItems: 2, best: 62.5 })
    expect(s.icc1).toBeCloseTo(-993 / 2758, 12)
    expect(s.icc2).toBeCloseTo(-331 / 10, 10)
    expect(s.alpha).toBeCloseTo(400 / 409, 12)
    expect(s.median).toBeCloseTo(175 / 3, 12)
    expect(s.worst).toBeCloseTo(175 / 3, 12)
  })

  it('makes nothing of a withheld practice recoverable from the programme figures', () => {
    // Change everything practice C answered: every figure outside C's own (withheld) rows stays the same.
    const changedRespondents = workedExample().map((r) =>
      r.practiceCode === 'C'
        ? {
            ...r,
            values: new Map([
              ['c1', '5'],
              ['c2', '1'],
              ['c3', '5'],
              ['p1', '5'],
              ['g1', '10'],
            ]),
          }
        : r,
    )
    const changed = wave(changedRespondents)
    expect(changed.scaleStats).toEqual(scores.scaleStats)
    expect(changed.practices).toEqual(scores.practices)
    expect(breakdowns(changedRespondents)).toEqual(breakdowns(workedExample()))
    expect(changed.general).toEqual(scores.general)
  })

  it('reports the 0–10 general item per practice, withheld below the minimum', () => {
    // A: 8, 9, 7, 5 (A3 not relevant): mean 29/4 = 7.25; SS 0.5625 + 3.0625 + 0.0625 + 5.0625 = 8.75, variance 35/12
    const a = scores.general.find((g) => g.practiceCode === 'A')!
    expect(a).toMatchObject({ withheld: false, item: 'g1', n: 4, mean: 7.25 })
    if (a.withheld) throw new Error('shown')
    expect(a.sd).toBeCloseTo(Math.sqrt(35 / 12), 12)
    expect(scores.general.find((g) => g.practiceCode === 'B')).toEqual({ practiceCode: 'B', wave: 'w1', questionnaire: 'fixture', item: 'g1', withheld: true })
  })

  it('balances settings when asked', () => {
    // A: general practice (4 + 5 + 3)/3 = 4, link workers (3.5 + 2)/2 = 2.75 → 3.375, score 59.375
    const balanced = wave(workedExample(), { weighting: 'settings' })
    expect(row(balanced, 'A', 'coherence/differentiation')).toMatchObject({ n: 5, mean: 3.375, score: 59.375, rank: 1 })
  })

  it('shows a two-respondent practice when the programme minimum is 2', () => {
    // C: 1 and 1 → mean 1, score 0, SD 0, CI [1, 1]; both items have variance 0 → rwg 1
    const c = row(wave(workedExample(), { minPracticeN: 2 }), 'C', 'coherence/differentiation')
    expect(c).toMatchObject({ withheld: false, n: 2, mean: 1, score: 0, sd: 0, ci: { low: 1, high: 1 }, rwg: 1, band: 'Emerging', rank: 4 })
  })

  it('shows one respondent when the programme minimum is 1, without SD, CI or rwg', () => {
    // one respondent: c1 4, c2 '2' → 4; differentiation (4 + 4)/2 = 4, score 75 (Embedded); no variance can be estimated
    const one = wave([respondent('Z', 'general_practice', { c1: '4', c2: '2' })], { minPracticeN: 1 })
    expect(row(one, 'Z', 'coherence/differentiation')).toMatchObject({
      withheld: false,
      n: 1,
      mean: 4,
      score: 75,
      sd: null,
      ci: null,
      scoreCi: null,
      rwg: null,
      rwgItems: 0,
      lowAgreement: null,
      band: 'Embedded',
      rank: 1,
    })
    expect(stats(one, 'coherence/differentiation')).toMatchObject({ nPractices: 1, icc1: null, icc2: null, alpha: null, alphaN: 1 })
  })

  it('scores nothing from an empty wave', () => {
    const empty = wave([])
    expect(empty.practices).toEqual([])
    expect(stats(empty, 'coherence')).toMatchObject({ nPractices: 0, nRespondents: 0, icc1: null, icc2: null, alpha: null, alphaN: 0, median: null })
  })
})

// Random waves for the properties below: a handful of practices, any settings and roles, every item
// answered with a valid code, "not relevant" or nothing.
const likert = fc.constantFrom('1', '2', '3', '4', '5', 'nr_role', 'nr_stage', undefined)
const arbitraryRespondent = fc
  .record({
    practiceCode: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
    setting: fc.constantFrom(...SETTINGS),
    role: fc.constantFrom('gp', 'nurse', 'manager', null),
    answers: fc.record({
      c1: likert,
      c2: likert,
      c3: likert,
      c4: likert,
      p1: likert,
      p2: likert,
      p3: likert,
      g1: fc.constantFrom('0', '5', '10', 'nr_stage', undefined),
    }),
  })
  .map(({ practiceCode, setting, role, answers }) => {
    const defined: Record<string, string> = {}
    for (const [item, code] of Object.entries(answers)) if (code !== undefined) defined[item] = code
    return respondent(practiceCode, setting, defined, role)
  })
const arbitraryOptions = fc.record({
  weighting: fc.constantFrom('respondents' as const, 'settings' as const),
  minPracticeN: fc.integer({ min: 1, max: 5 }),
  minBreakdownN: fc.integer({ min: 1, max: 6 }),
})

describe('scoreWave: a scale only some settings see', () => {
  it('is withheld where one of those settings has its count withheld, its n being a count of them', () => {
    // participation (p1 p2 p3) asked of general practice only; X: six in each setting; Y: six and six and nobody in the
    // community sector, so general practice is withheld beside the 0 and the scale with it. Coherence, seen by all, stays.
    const gpOnly = {
      ...fixtureQuestionnaire,
      sections: fixtureQuestionnaire.sections.map((section) => ({
        ...section,
        items: section.items.map((item) => (item.id === 'p1' || item.id === 'p2' ? { ...item, settings: ['general_practice' as const] } : item)),
      })),
    }
    const answers = { c1: '4', c2: '4', p1: '4', p2: '4', p3: '4' }
    const many = (n: number, practice: string, setting: Respondent['setting']) => Array.from({ length: n }, () => respondent(practice, setting, answers))
    const respondents = [...many(6, 'X', 'general_practice'), ...many(6, 'X', 'link_worker'), ...many(6, 'X', 'community')]
    respondents.push(...many(6, 'Y', 'general_practice'), ...many(6, 'Y', 'link_worker'))
    const scores = scoreWave({ wave: 'w1', questionnaire: gpOnly, respondents })
    expect(['X', 'Y'].map((code) => [code, row(scores, code, 'participation').withheld, row(scores, code, 'coherence').withheld])).toEqual([
      ['X', false, false],
      ['Y', true, false],
    ])
  })
})

describe('scoreWave properties', () => {
  it('does not depend on the order of respondents', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRespondent, { maxLength: 40 }), arbitraryOptions, fc.infiniteStream(fc.nat()), (respondents, options, randoms) => {
        const shuffled = respondents
          .map((r) => ({ r, key: randoms.next().value }))
          .sort((a, b) => a.key - b.key)
          .map(({ r }) => r)
        expect(wave(shuffled, options)).toEqual(wave(respondents, options))
        expect(breakdowns(shuffled, options)).toEqual(breakdowns(respondents, options))
      }),
      { numRuns: 200 },
    )
  })

  it('keeps every 0–100 score within [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRespondent, { maxLength: 40 }), arbitraryOptions, (respondents, options) => {
        const scores = wave(respondents, options)
        for (const r of [...scores.practices, ...breakdowns(respondents, options)]) {
          if (r.withheld) continue
          expect(r.score).toBeGreaterThanOrEqual(0)
          expect(r.score).toBeLessThanOrEqual(100)
        }
        for (const s of scores.scaleStats) {
          for (const v of [s.median, s.best, s.worst]) if (v !== null) expect(v >= 0 && v <= 100).toBe(true)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('never exposes a figure below the minimum numbers', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRespondent, { maxLength: 60 }), arbitraryOptions, (respondents, options) => {
        const scores = wave(respondents, options)
        for (const r of scores.practices) {
          if (r.withheld) for (const key of FIGURES) expect(r).not.toHaveProperty(key)
          else expect(r.n).toBeGreaterThanOrEqual(options.minPracticeN)
        }
        for (const g of scores.general) {
          if (g.withheld) expect(Object.keys(g).sort()).toEqual(['item', 'practiceCode', 'questionnaire', 'wave', 'withheld'])
          else expect(g.n).toBeGreaterThanOrEqual(options.minPracticeN)
        }
        const rows = breakdowns(respondents, options)
        const shownTotals = new Set(scores.practices.filter((r) => !r.withheld).map((r) => `${r.practiceCode}/${r.scale}`))
        const groups = new Map<string, typeof rows>()
        for (const b of rows) {
          expect(shownTotals.has(`${b.practiceCode}/${b.scale}`)).toBe(true) // no breakdown of a withheld practice
          if (b.withheld) for (const key of FIGURES) expect(b).not.toHaveProperty(key)
          else expect(b.n).toBeGreaterThanOrEqual(options.minBreakdownN)
          const key = `${b.practiceCode}/${b.scale}/${b.by}`
          groups.set(key, [...(groups.get(key) ?? []), b])
        }
        // beside a shown total, never exactly one withheld group next to shown ones
        for (const rows of groups.values()) {
          const withheld = rows.filter((b) => b.withheld).length
          if (withheld < rows.length) expect(withheld).not.toBe(1)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('waveScoring: a wave a practice at a time', () => {
  it('gives scoreWave to the last bit, and refuses practices out of code order', () => {
    const respondents = workedExample()
    const scoring = waveScoring({ wave: 'w1', questionnaire: fixtureQuestionnaire })
    const practices = scoredPractices(scoring.plan, respondents)
    for (const practice of practices) scoring.add(practice)
    expect(scoring.scores()).toEqual(wave(respondents))
    const backwards = waveScoring({ wave: 'w1', questionnaire: fixtureQuestionnaire })
    backwards.add(practices[1]!)
    expect(() => backwards.add(practices[0]!)).toThrow(RangeError)
  })
})
