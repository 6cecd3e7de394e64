import { describe, expect, it } from 'vitest'
import { completionTime, MIN_RESPONSES_FOR_MEDIAN } from '../../server/domain/completion-time.js'

const START = Date.UTC(2026, 2, 2, 9, 0)
/** Responses started at 09:00 and sent after these many minutes each. */
const took = (...minutes: number[]) =>
  minutes.map((m, i) => ({ startedAt: new Date(START + i * 3_600_000).toISOString(), submittedAt: new Date(START + i * 3_600_000 + m * 60_000).toISOString() }))

describe('completionTime', () => {
  it.each([
    ['no responses', took(), { kind: 'too few', responses: 0 }],
    ['four responses, one short of the rule', took(5, 6, 7, 8), { kind: 'too few', responses: 4 }],
    ['five responses: the middle one', took(9, 4, 30, 6, 5), { kind: 'measured', medianMinutes: 6, responses: 5 }],
    ['six responses: halfway between the middle two', took(4, 5, 6, 7, 8, 9), { kind: 'measured', medianMinutes: 6.5, responses: 6 }],
    [
      'one left open for two days moves it no further than one slow response would',
      took(4, 5, 6, 7, 2 * 24 * 60),
      { kind: 'measured', medianMinutes: 6, responses: 5 },
    ],
    ['seconds count, not only whole minutes', took(4.5, 4.5, 4.75, 5, 5.25), { kind: 'measured', medianMinutes: 4.75, responses: 5 }],
  ])('%s', (_, given, expected) => {
    expect(completionTime(given)).toEqual(expected)
  })

  it('asks for five responses', () => {
    expect(MIN_RESPONSES_FOR_MEDIAN).toBe(5)
  })

  it('takes a response sent on a clock behind its start as no time, not a negative one', () => {
    const backwards = { startedAt: '2026-03-02T09:10:00.000Z', submittedAt: '2026-03-02T09:00:00.000Z' }
    expect(completionTime([backwards, backwards, backwards, ...took(1, 2)])).toEqual({ kind: 'measured', medianMinutes: 0, responses: 5 })
  })
})
