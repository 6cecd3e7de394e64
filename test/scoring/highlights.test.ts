import { describe, expect, it } from 'vitest'
import { practiceHighlights } from '../../server/scoring/highlights.js'
import type { PracticeScaleResult } from '../../server/scoring/practice-scores.js'

/** A practice's row for a scale: `score` on 0–100, or withheld; only the fields practiceHighlights reads are real. */
function row(practiceCode: string, scale: string, score: number | 'withheld'): PracticeScaleResult {
  const ref = { questionnaire: 'q', level: 'element', scale, scalePath: scale.split('/'), scaleName: scale, practiceCode, wave: 'w' }
  if (score === 'withheld') return { ...ref, withheld: true }
  const mean = 1 + score / 25
  return { ...ref, withheld: false, n: 10, mean, score, sd: 0.5, ci: null, scoreCi: null, rwg: null, rwgItems: 0, lowAgreement: null, band: 'b', rank: 1 }
}
const scales = (rows: { scale: string }[]) => rows.map((r) => r.scale)

describe('practiceHighlights', () => {
  const practices = [
    row('A', 'top', 10), // a top-level scale: never a highlight when there are two levels
    row('A', 'top/a', 60),
    row('A', 'top/b', 20),
    row('A', 'top/c', 80),
    row('A', 'top/d', 40),
    row('A', 'top/e', 'withheld'),
    row('A', 'top/f', 70),
    row('A', 'top/g', 30),
    row('B', 'top/a', 0),
  ]

  it('names the three highest-scoring shown scales of the lowest level as strengths and the three lowest as priorities', () => {
    const h = practiceHighlights({ practices }, 'A', 2)
    expect(scales(h.strengths)).toEqual(['top/c', 'top/f', 'top/a'])
    expect(scales(h.priorities)).toEqual(['top/b', 'top/g', 'top/d'])
    expect(h.shown).toBe(6)
  })

  it('with fewer than six shown, gives each list half, so no scale is in both', () => {
    const few = [row('A', 'top/a', 50), row('A', 'top/b', 20), row('A', 'top/c', 80), row('A', 'top/d', 'withheld')]
    const h = practiceHighlights({ practices: few }, 'A', 2)
    expect([scales(h.strengths), scales(h.priorities), h.shown]).toEqual([['top/c'], ['top/b'], 3])
  })

  it('breaks ties in the order the scales come (the definition’s)', () => {
    const tied = [row('A', 'top/a', 50), row('A', 'top/b', 50), row('A', 'top/c', 50), row('A', 'top/d', 50), row('A', 'top/e', 95), row('A', 'top/f', 99)]
    expect(scales(practiceHighlights({ practices: tied }, 'A', 2).priorities)).toEqual(['top/a', 'top/b', 'top/c'])
  })

  it('has none for a practice with nothing shown', () => {
    expect(practiceHighlights({ practices }, 'C', 2)).toEqual({ strengths: [], priorities: [], shown: 0 })
  })
})
