// The audit log page says each entry's details in words, not in the keys the code stores them under.
import { describe, expect, it } from 'vitest'
import { describeDetail, keyInWords } from '../../../server/routes/staff/audit-page-model.js'

describe('keyInWords', () => {
  it.each([
    ['failuresInARow', 'failures in a row'],
    ['programme', 'programme'],
    ['minPracticeN', 'min practice n'],
    ['user', 'user'],
    ['by', 'by'],
  ])('%s → %s', (key, words) => expect(keyInWords(key)).toBe(words))
})

describe('describeDetail', () => {
  it('gives each key in words with its value, a line each, lists joined by semicolons', () => {
    expect(describeDetail('{"reason":"wrong password","failuresInARow":3}')).toEqual(['reason: wrong password', 'failures in a row: 3'])
    expect(describeDetail('{"programme":"north","changes":["smallest practice group: 3 → 5","contact: (none) → Sam, sam@example.org"]}')).toEqual([
      'programme: north',
      'changes: smallest practice group: 3 → 5; contact: (none) → Sam, sam@example.org',
    ])
    expect(describeDetail(null)).toEqual([])
  })
})
