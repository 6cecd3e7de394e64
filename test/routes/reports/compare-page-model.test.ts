import { describe, expect, it } from 'vitest'
import { formats } from '../../../server/i18n/format.js'
import { translator } from '../../../server/i18n/translate.js'
import { comparePageModel } from '../../../server/routes/reports/compare-page-model.js'
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
