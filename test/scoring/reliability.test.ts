import { describe, expect, it } from 'vitest'
import { SHROUT_FLEISS_TABLE_2 } from './fixtures/shrout-fleiss-1979.js'
import { cronbachAlpha } from '../../server/scoring/reliability.js'

const NaN_ = Number.NaN
const rows = (data: readonly (readonly number[])[]) => data.map((r) => Float64Array.from(r))

describe('cronbachAlpha', () => {
  it('matches a hand computation', () => {
    // items (1, 2, 3) and (2, 3, 3); variances 1 and 1/3; totals 3, 5, 6 with variance
    // ((−5/3)² + (1/3)² + (4/3)²)/2 = (42/9)/2 = 7/3; α = 2 · (1 − (4/3)/(7/3)) = 2 · 3/7 = 6/7
    const result = cronbachAlpha(
      rows([
        [1, 2],
        [2, 3],
        [3, 3],
      ]),
      [0, 1],
    )
    expect(result.alpha).toBeCloseTo(6 / 7, 12)
    expect(result).toMatchObject({ n: 3, items: 2 })
  })

  it('drops respondents with any missing item (listwise) and reports the n used', () => {
    const result = cronbachAlpha(
      rows([
        [1, 2],
        [2, 3],
        [3, 3],
        [5, NaN_],
        [NaN_, NaN_],
      ]),
      [0, 1],
    )
    expect(result.alpha).toBeCloseTo(6 / 7, 12)
    expect(result.n).toBe(3)
  })

  it('reproduces Shrout & Fleiss (1979): alpha equals ICC(3,k), published as .91', () => {
    // Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater reliability.
    // Psychological Bulletin, 86(2), 420–428. Table 2 (p. 423): four judges rate six targets. Table 4
    // (p. 424) prints ICC(3,4) = .91, and p. 426 notes ICC(3,k) is equivalent to Cronbach's alpha.
    // Here targets are respondents and judges are items. Exactly: BMS = 1349/120, EMS = 367/360,
    // α = (BMS − EMS)/BMS = 3680/4047.
    const sf = SHROUT_FLEISS_TABLE_2
    const result = cronbachAlpha(rows(sf), [0, 1, 2, 3])
    expect(result.alpha!.toFixed(2)).toBe('0.91')
    expect(result.alpha).toBeCloseTo(3680 / 4047, 12)
    expect(result.n).toBe(6)
  })

  it.each([
    ['a single item', [[1], [2], [4]], [0]],
    [
      'one complete respondent',
      [
        [1, 2],
        [3, NaN_],
      ],
      [0, 1],
    ],
    [
      'no variance in the total',
      [
        [3, 3],
        [3, 3],
        [3, 3],
      ],
      [0, 1],
    ],
    ['no respondents', [], [0, 1]],
  ])('is undefined for %s', (_, data, items) => {
    expect(cronbachAlpha(rows(data), items).alpha).toBeNull()
  })
})
