import { describe, expect, it } from 'vitest'
import { isEmailAddress, parseAddressList } from '../../server/domain/address-list.js'

describe('parseAddressList', () => {
  it.each([
    [
      'one a line',
      'a@x.org\nb@x.org',
      [
        { line: 1, address: 'a@x.org' },
        { line: 2, address: 'b@x.org' },
      ],
    ],
    [
      'commas and semicolons, spaces and blank lines',
      ' a@x.org, b@x.org ;c@x.org\n\n\r\nd@x.org,',
      [
        { line: 1, address: 'a@x.org' },
        { line: 1, address: 'b@x.org' },
        { line: 1, address: 'c@x.org' },
        { line: 4, address: 'd@x.org' },
      ],
    ],
    [
      'Windows line ends and a byte-order mark',
      '\uFEFFa@x.org\r\nb@x.org\r\n',
      [
        { line: 1, address: 'a@x.org' },
        { line: 2, address: 'b@x.org' },
      ],
    ],
    ['capitals, in lower case', 'Ann.Smith@Example.ORG', [{ line: 1, address: 'ann.smith@example.org' }]],
  ])('reads %s', (_, text, addresses) => {
    expect(parseAddressList(text, 10)).toEqual({ addresses })
  })

  it.each([
    ['nothing', '  \n , \n', { kind: 'empty' }],
    ['a bad address, by its line', 'a@x.org\nb@x.org\n\nbob@\ncarol', { kind: 'notAnAddress', line: 4, text: 'bob@' }],
    ['a name and address together', 'Ann Smith <ann@x.org>', { kind: 'notAnAddress', line: 1, text: 'Ann Smith <ann@x.org>' }],
    ['the same address twice, whatever its case', 'a@x.org\nb@x.org\nA@X.org', { kind: 'duplicate', line: 3, text: 'A@X.org', firstLine: 1 }],
    ['more than the most at once', 'a@x.org,b@x.org,c@x.org', { kind: 'tooMany', count: 3, most: 2 }],
  ])('names %s', (_, text, problem) => {
    expect(parseAddressList(text, 2)).toEqual({ problem })
  })
})

describe('isEmailAddress', () => {
  it.each(['a@x.org', 'first.last+tag@sub.example.co.uk', "o'neil@x.nl"])('takes %s', (text) => expect(isEmailAddress(text)).toBe(true))
  it.each(['bob@', '@x.org', 'a@x', 'a b@x.org', 'a@@x.org', 'a@x.org.', `${'a'.repeat(250)}@x.org`])('refuses %s', (text) =>
    expect(isEmailAddress(text)).toBe(false),
  )
})
