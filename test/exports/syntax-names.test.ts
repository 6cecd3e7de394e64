// Variable names for SPSS and Stata: the column's own where it fits, otherwise cut with a number, never reserved.
import { describe, expect, it } from 'vitest'
import { cutToBytes, spssString } from '../../server/exports/spss-syntax.js'
import { SPSS_RESERVED, STATA_RESERVED, variableNames } from '../../server/exports/syntax-names.js'

describe('variableNames', () => {
  it('keeps names that fit, cuts long ones to the limit with a number, and never gives one name twice', () => {
    const long = `q_${'x'.repeat(40)}`
    expect([...variableNames(['p_leaders', `${long}__a`, `${long}__b`, `q_${'x'.repeat(28)}_2`], 32, STATA_RESERVED).values()]).toEqual([
      'p_leaders',
      `q_${'x'.repeat(28)}_2`,
      `q_${'x'.repeat(28)}_3`,
      // This column's own name was taken by the cut one before it: earlier columns keep theirs.
      `q_${'x'.repeat(28)}_4`,
    ])
  })

  it('adds _v to a reserved word', () => {
    expect(variableNames(['to', 'with'], 64, SPSS_RESERVED).get('to')).toBe('to_v')
    expect(variableNames(['in', 'str5'], 32, STATA_RESERVED)).toEqual(
      new Map([
        ['in', 'in_v'],
        ['str5', 'str5_2'],
      ]),
    )
  })
})

describe('spssString', () => {
  it('doubles apostrophes, flattens line breaks and keeps a long label within 256 bytes in pieces joined by +', () => {
    expect(spssString("It's\nfine")).toBe("'It''s fine'")
    const literal = spssString('é'.repeat(200))
    expect(literal.split(' +\n    ')).toHaveLength(3)
    expect(Buffer.byteLength(literal.replace(/' \+\n {4}'/g, '').slice(1, -1))).toBe(256)
  })

  it('cuts at a character, never inside one', () => {
    expect(cutToBytes('aé', 2)).toBe('a')
  })
})
