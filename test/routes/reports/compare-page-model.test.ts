import { describe, expect, it } from 'vitest'
import { formats } from '../../../server/i18n/format.js'
import type { Language } from '../../../server/i18n/languages.js'
import { translator } from '../../../server/i18n/translate.js'
import { comparePageModel } from '../../../server/routes/reports/compare-page-model.js'
import type { ScaleStats } from '../../../server/scoring/index.js'
import type { CompareQuery } from '../../../server/routes/reports/report-query.js'
import type { ComparisonData } from '../../../server/services/report-service.js'
import { PRACTICES, PROGRAMME, SCORED, WAVE } from './report-model-fixtures.js'

const DATA: ComparisonData = {
  programme: PROGRAMME,
  waves: [{ wave: WAVE, submitted: 13 }],
  wave: WAVE,
  allPractices: PRACTICES,
  practices: PRACTICES,
  questionnaires: SCORED,
  responses: new Map(),
  stages: new Map(),
  changes: [],
}
const model = (query: CompareQuery = {}) => comparePageModel(DATA, query)
const names = (query: CompareQuery) => model(query).rows.map((r) => r.name)
const A = SCORED[0]!.scores.practices.filter((r) => r.practiceCode === 'A' && r.scalePath.length === 1)

describe('comparePageModel', () => {
  it('lists practices by name, then sorts by any column with withheld figures last and ties by name', () => {
    expect(names({})).toEqual(['Ash', 'Beech', 'Birch', 'Cherry'])
    expect(names({ sort: 'practice', dir: 'desc' })).toEqual(['Cherry', 'Birch', 'Beech', 'Ash'])
    // Overall: only Ash has both constructs shown
    expect(names({ sort: 'fixture' })).toEqual(['Ash', 'Beech', 'Birch', 'Cherry'])
    expect(names({ sort: 'fixture', dir: 'asc' })).toEqual(['Ash', 'Beech', 'Birch', 'Cherry'])
    // Coherence: Beech and Birch tie (ranked by name), below Ash; Cherry withheld
    const coherence = (code: string) => {
      const row = SCORED[0]!.scores.practices.find((r) => r.practiceCode === code && r.scale === 'coherence')!
      return row.withheld ? null : row.score
    }
    expect(coherence('B')).toBe(coherence('D'))
    expect(coherence('A')).toBeGreaterThan(coherence('B')!)
    expect(names({ sort: 'fixture.coherence', dir: 'asc' })).toEqual(['Beech', 'Birch', 'Ash', 'Cherry'])
    expect(names({ sort: 'fixture.coherence', dir: 'desc' })).toEqual(['Ash', 'Beech', 'Birch', 'Cherry'])
  })

  it("orders names with numbers by their value, in the page's language", () => {
    const numbered = ['Practice 10', 'Practice 2', 'practice 1', 'Ärztehaus', 'Practice 2a']
    const data = { ...DATA, practices: numbered.map((name, i) => ({ ...PRACTICES[0]!, id: 10 + i, code: `N${i}`, name })) }
    const inOrder = (language: 'en-GB' | 'nl', dir: 'asc' | 'desc') =>
      comparePageModel(data, { dir }, translator(language), formats(language)).rows.map((r) => r.name)
    expect(inOrder('en-GB', 'asc')).toEqual(['Ärztehaus', 'practice 1', 'Practice 2', 'Practice 2a', 'Practice 10'])
    expect(inOrder('en-GB', 'desc')).toEqual(['Practice 10', 'Practice 2a', 'Practice 2', 'practice 1', 'Ärztehaus'])
    expect(inOrder('nl', 'asc')).toEqual(['Ärztehaus', 'practice 1', 'Practice 2', 'Practice 2a', 'Practice 10'])
  })

  it('says "Fewer than 3 responses" for withheld cells, and "Withheld" when filtered by setting', () => {
    const cherry = model().rows.find((r) => r.code === 'C')!
    expect(cherry.cells.map((c) => c.text)).toEqual(['Fewer than 3 responses', 'Fewer than 3 responses', 'Fewer than 3 responses'])
    expect(model({ setting: 'link_worker' }).rows.find((r) => r.code === 'C')!.cells[0]).toEqual({ text: 'Withheld', band: null })
  })

  it('sends rounded figures only: no unrounded score reaches the view, and none of a withheld practice', () => {
    const ash = model().rows.find((r) => r.code === 'A')!
    expect(ash.cells.slice(1).map((c) => c.text)).toEqual(A.map((r) => (r.withheld ? '' : Math.round(r.score).toString())))
    expect(Object.keys(ash.cells[0]!)).toEqual(['text', 'band'])
    const bar = JSON.parse(model().charts.bar!.chart.json)
    expect(bar.labels).toEqual(['Ash', 'Beech', 'Birch', 'Cherry'])
    expect(bar.series[0].values.slice(1)).toEqual([null, null, null])
    expect(Number.isInteger(bar.series[0].values[0])).toBe(true)
    // One questionnaire: nothing to plot against
    expect(model().charts.scatter).toBeNull()
  })

  it('links headings to their sort with aria-sort on the sorted one, numbers first from the highest', () => {
    const headers = model({ sort: 'fixture.participation', dir: 'desc', setting: 'general_practice' }).headers
    expect(headers.map((h) => [h.label, h.href, h.ariaSort ?? ''])).toEqual([
      ['Practice', '/programmes/north/compare?setting=general_practice&sort=practice&dir=asc', ''],
      ['Overall', '/programmes/north/compare?setting=general_practice&sort=fixture&dir=desc', ''],
      ['Coherence', '/programmes/north/compare?setting=general_practice&sort=fixture.coherence&dir=desc', ''],
      ['Participation', '/programmes/north/compare?setting=general_practice&sort=fixture.participation&dir=asc', 'descending'],
    ])
  })
})

describe('the scale statistics on the comparison', () => {
  const withStats = (overrides: Partial<ScaleStats>): ComparisonData => {
    const [scored] = SCORED
    // Every top-level scale alike, so the notes under their table are those of these figures alone.
    const scaleStats = scored!.scores.scaleStats.map((s) => (s.scalePath.length === 1 ? { ...s, ...overrides } : s))
    return { ...DATA, questionnaires: [{ ...scored!, scores: { ...scored!.scores, scaleStats } }] }
  }
  /** Coherence's alpha, ICC(1) and ICC(2) cells, and the notes under the table of the top-level scales. */
  const coherence = (data: ComparisonData, language: Language = 'en-GB') => {
    const group = comparePageModel(data, {}, translator(language), formats(language)).stats[0]!
    const row = group.rows.find((r) => r.name === 'Coherence')!
    return { cells: [row.alpha, row.icc1, row.icc2].map((c) => (c.withheld ? `(${c.text})` : c.text)), notes: group.notes }
  }
  const TOO_FEW_PRACTICES = '"Too few practices": the ICC needs at least 5 practices with 2 or more responses each; with fewer it could be almost anything.'

  it("prints the worked example's alpha from exactly 10 complete respondents, and says why neither ICC (−0.36 and −33.1 from 3 practices) is printed", () => {
    const s = SCORED[0]!.scores.scaleStats.find((x) => x.scale === 'coherence/differentiation')!
    expect(s).toMatchObject({ nPractices: 3, iccPractices: 3, alphaN: 10 })
    expect(s.icc2).toBeCloseTo(-33.1, 10)
    const group = comparePageModel(DATA, {}).stats[0]!
    const row = group.childRows.find((r) => r.name === 'Differentiation')!
    expect([row.alpha, row.icc1, row.icc2]).toEqual([
      { text: '0.98 (10 complete responses)', withheld: false },
      { text: 'Too few practices', withheld: true },
      { text: 'Too few practices', withheld: true },
    ])
    expect(group.childNotes).toContain(TOO_FEW_PRACTICES)
  })

  it.each([
    {
      case: 'enough of everything',
      stats: { alpha: 0.8123, alphaN: 30, alphaItems: 4, icc1: 0.123, icc2: 0.7, iccPractices: 6 },
      english: { cells: ['0.81 (30 complete responses)', '0.12', '0.70'], notes: [] },
      dutch: { cells: ['0,81 (30 volledige responsen)', '0,12', '0,70'], notes: [] },
    },
    {
      case: 'negative alpha and ICC(2); a negative ICC(1) is printed',
      stats: { alpha: -0.5, alphaN: 30, alphaItems: 4, icc1: -0.05, icc2: -0.4, iccPractices: 6 },
      english: {
        cells: ['(Below zero)', '\u22120.05', '(Below zero)'],
        notes: [
          '"Below zero" for alpha: the statements did not hang together in this survey, so alpha says nothing about reliability here; read the scale\'s parts instead.',
          '"Below zero" for ICC(2): the practices differed no more than chance alone would make them, so their order cannot be relied on.',
        ],
      },
      dutch: {
        cells: ['(Onder nul)', '\u22120,05', '(Onder nul)'],
        notes: [
          '"Onder nul" bij alfa: de stellingen hingen in deze meting niet samen, dus alfa zegt hier niets over de betrouwbaarheid; kijk liever naar de onderdelen van de schaal.',
          '"Onder nul" bij ICC(2): de praktijken verschilden niet meer dan door toeval alleen, dus op hun volgorde valt niet te bouwen.',
        ],
      },
    },
    {
      case: 'the issue: alpha −18.67 from 4 people, 2 practices',
      stats: { alpha: -18.67, alphaN: 4, alphaItems: 6, icc1: 0.4, icc2: 0.6, iccPractices: 2 },
      english: {
        cells: ['(Too few complete responses)', '(Too few practices)', '(Too few practices)'],
        notes: [
          '"Too few complete responses": too few people answered every statement of the scale to estimate alpha; it needs at least 10.',
          TOO_FEW_PRACTICES,
        ],
      },
      dutch: {
        cells: ['(Te weinig volledige responsen)', '(Te weinig praktijken)', '(Te weinig praktijken)'],
        notes: [
          '"Te weinig volledige responsen": te weinig mensen hebben elke stelling van de schaal beantwoord om alfa te schatten; daarvoor zijn minstens 10 responsen nodig.',
          '"Te weinig praktijken": de ICC vraagt minstens 5 praktijken met elk 2 of meer responsen; met minder kan de uitkomst bijna alles zijn.',
        ],
      },
    },
    {
      case: 'one item, and no spread to estimate from',
      stats: { alpha: null, alphaN: 30, alphaItems: 1, icc1: null, icc2: null, iccPractices: 6 },
      english: {
        cells: ['(One statement)', '(No variation)', '(No variation)'],
        notes: [
          '"One statement": alpha compares a scale\'s statements with each other, so a scale of one statement has nothing to compare.',
          '"No variation": the answers did not vary, so there was nothing to estimate this from.',
        ],
      },
      dutch: {
        cells: ['(Eén stelling)', '(Geen spreiding)', '(Geen spreiding)'],
        notes: [
          '"Eén stelling": alfa vergelijkt de stellingen van een schaal met elkaar, dus bij een schaal met één stelling valt er niets te vergelijken.',
          '"Geen spreiding": de antwoorden liepen niet uiteen, dus er was niets om dit uit te schatten.',
        ],
      },
    },
  ])('$case', ({ stats, english, dutch }) => {
    expect(coherence(withStats(stats))).toEqual(english)
    expect(coherence(withStats(stats), 'nl')).toEqual(dutch)
  })
})
