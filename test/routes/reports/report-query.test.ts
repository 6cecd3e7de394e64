import { describe, expect, it } from 'vitest'
import { comparisonFilters, parseCompareQuery, parseScorecardQuery } from '../../../server/routes/reports/report-query.js'

describe('report query parameters', () => {
  it('reads the filters and the sort', () => {
    const query = parseCompareQuery({
      wave: 'w1',
      sort: 'good-practice',
      dir: 'asc',
      deprivation: '2',
      rurality: 'rural',
      model: 'Hosted',
      setting: 'link_worker',
    })
    expect(query).toEqual({ wave: 'w1', sort: 'good-practice', dir: 'asc', deprivation: '2', rurality: 'rural', model: 'Hosted', setting: 'link_worker' })
    expect(comparisonFilters(query)).toEqual({ deprivationQuintile: 2, rurality: 'rural', spModel: 'Hosted', setting: 'link_worker' })
  })

  it('drops what it does not expect: the "Any" choice, unknown values and repeated parameters', () => {
    const query = parseCompareQuery({ wave: ['a', 'b'], dir: 'sideways', deprivation: '', rurality: 'suburban', model: '', setting: 'hospital' })
    expect(query).toEqual({})
    expect(comparisonFilters(query)).toEqual({})
    expect(parseScorecardQuery({ wave: '' })).toEqual({})
    expect(parseScorecardQuery(undefined)).toEqual({})
  })
})
