import { describe, expect, it } from 'vitest'
import { groupMeans, MIN_GROUP_PRACTICES } from '../../server/scoring/group-means.js'

describe('groupMeans', () => {
  const group: Record<string, string> = { A: 'urban', B: 'urban', C: 'urban', D: 'rural', E: 'none' }
  it('averages the shown scores of each group unweighted, withholding groups of fewer than two practices', () => {
    expect(MIN_GROUP_PRACTICES).toBe(2)
    const scores = new Map([
      ['A', 60],
      ['B', 70],
      ['C', 80],
      ['D', 40],
    ])
    expect(groupMeans(scores, (c) => group[c]!, ['urban', 'rural', 'none'])).toEqual([
      { group: 'urban', n: 3, mean: 70 },
      { group: 'rural', n: 1, mean: null },
      { group: 'none', n: 0, mean: null },
    ])
  })

  it('leaves out practices whose group is not asked for', () => {
    expect(groupMeans(new Map([['E', 10]]), (c) => group[c]!, ['urban'])).toEqual([{ group: 'urban', n: 0, mean: null }])
  })
})
