import { describe, expect, it } from 'vitest'
import { findStartBursts } from '../../server/domain/start-bursts.js'

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, 0) + minutes * 60_000).toISOString()
const starts = (practiceCode: string, minutes: number[]) => minutes.map((m) => ({ practiceCode, startedAt: at(m) }))
const rule = { minStarts: 3, withinMs: 10 * 60_000 }

describe('findStartBursts', () => {
  it.each([
    ['no starts', [], []],
    ['fewer starts than the rule asks for', starts('P1', [0, 1]), []],
    ['enough starts, but spread out', starts('P1', [0, 11, 22, 33]), []],
    ['three within ten minutes', starts('P1', [0, 5, 10]), [{ practiceCode: 'P1', from: at(0), to: at(10), starts: 3 }]],
    ['three spread over a moment more than ten minutes', starts('P1', [0, 5, 10.01]), []],
    ['overlapping windows make one burst', starts('P1', [0, 4, 8, 12, 16]), [{ practiceCode: 'P1', from: at(0), to: at(16), starts: 5 }]],
    [
      'two bursts with a quiet spell between',
      starts('P1', [0, 1, 2, 60, 120, 121, 122, 123]),
      [
        { practiceCode: 'P1', from: at(0), to: at(2), starts: 3 },
        { practiceCode: 'P1', from: at(120), to: at(123), starts: 4 },
      ],
    ],
    ['a lone start beside a burst stays out of it', starts('P1', [-30, 0, 1, 2]), [{ practiceCode: 'P1', from: at(0), to: at(2), starts: 3 }]],
  ])('%s', (_, given, expected) => {
    expect(findStartBursts(given, rule)).toEqual(expected)
  })

  it('counts each practice apart, whatever order the starts come in', () => {
    const mixed = [...starts('P2', [5, 0]), ...starts('P1', [0, 1]), ...starts('P2', [3])]
    expect(findStartBursts(mixed, rule)).toEqual([{ practiceCode: 'P2', from: at(0), to: at(5), starts: 3 }])
  })

  it('flags 20 starts in 10 minutes by default, and not 19', () => {
    const minutes = (n: number) => Array.from({ length: n }, (_, i) => i / 2)
    expect(findStartBursts(starts('P1', minutes(19)))).toEqual([])
    expect(findStartBursts(starts('P1', minutes(20)))).toEqual([{ practiceCode: 'P1', from: at(0), to: at(9.5), starts: 20 }])
  })
})
