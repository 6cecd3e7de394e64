import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { neutraliseFormula, writeCsv } from '../../server/exports/csv.js'

async function csvOf(rows: object[]): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeCsv(out, ['value', 'mean'], rows)
  return Buffer.concat(chunks).toString('utf8')
}

const FORMULA_PAYLOADS = ['=HYPERLINK("http://x.example","click")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0", "'=quoted already"]

describe('CSV cells a spreadsheet would run', () => {
  it.each(FORMULA_PAYLOADS)('neutralises %j with a leading single quote, trimming nothing', async (payload) => {
    const [, row] = parse(await csvOf([{ value: payload, mean: 1 }]), { relax_quotes: true }) as string[][]
    expect(row![0]).toBe(`'${payload}`)
  })

  it.each(['Hello', ' =starts with a space', "'quoted, not a formula", 'a-b', 'e-mail: x@y.org', ''])('leaves %j as written', (text) => {
    expect(neutraliseFormula(text)).toBe(text)
  })

  it('writes numbers as numbers, negative ones too', async () => {
    expect(await csvOf([{ value: 'x', mean: -0.25 }])).toBe('value,mean\nx,-0.25\n')
  })
})

/** What the exports wrote through csv-stringify before csv.ts wrote cells itself: the bytes must not change. */
const viaCsvStringify = (columns: string[], rows: object[]) =>
  stringify(rows, { columns, header: true, cast: { boolean: (b: boolean) => (b ? 'true' : 'false'), string: neutraliseFormula } })

async function csvWith(columns: string[], rows: object[]): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeCsv(out, columns, rows)
  return Buffer.concat(chunks).toString('utf8')
}

describe('CSV written cell by cell', () => {
  const TRICKY = [
    '',
    'plain',
    'a,b',
    'say "hi"',
    '"',
    'line\nbreak',
    'cr\rhere',
    'crlf\r\n',
    'Zoë, café — 日本語 🙂',
    '=1+1',
    "''-3",
    ' lead',
    '\u00a0',
    '0',
    '-',
  ]

  it.each(TRICKY)('writes %j byte for byte as csv-stringify did, and csv-parse reads it back', async (text) => {
    const rows = [{ a: text, b: 1 }]
    const csv = await csvWith(['a', 'b'], rows)
    expect(csv).toBe(viaCsvStringify(['a', 'b'], rows))
    const [, row] = parse(csv) as string[][]
    expect(row).toEqual([neutraliseFormula(text), '1'])
  })

  it('writes null, undefined, booleans, integers, fractions and missing columns as csv-stringify did', async () => {
    const rows = [
      { a: null, b: undefined, c: true, d: 0, e: -0.125 },
      { a: false, c: 1e21, d: Number.NaN, e: 12345678901 },
    ]
    const columns = ['a', 'b', 'c', 'd', 'e']
    expect(await csvWith(columns, rows)).toBe(viaCsvStringify(columns, rows))
    expect(await csvWith(columns, rows)).toBe('a,b,c,d,e\n,,true,0,-0.125\nfalse,,1e+21,NaN,12345678901\n')
  })

  it('leaves a value it has no fast path for, such as a Date, to csv-stringify', async () => {
    const rows = [{ a: new Date(Date.UTC(2026, 0, 5)), b: 'x' }]
    expect(await csvWith(['a', 'b'], rows)).toBe(viaCsvStringify(['a', 'b'], rows))
  })

  it('writes the header alone for no rows, and many rows across several chunks', async () => {
    expect(await csvWith(['a', 'b'], [])).toBe('a,b\n')
    const rows = Array.from({ length: 5000 }, (_, i) => ({ a: `row ${i}, "quoted"`, b: i / 7 }))
    expect(await csvWith(['a', 'b'], rows)).toBe(viaCsvStringify(['a', 'b'], rows))
  })

  it('agrees with csv-stringify on any strings, numbers, booleans and nulls', async () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'"),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, value, value)), async (tuples) => {
        const rows = tuples.map(([a, b, c]) => ({ a, b, c }))
        expect(await csvWith(['a', 'b', 'c'], rows)).toBe(viaCsvStringify(['a', 'b', 'c'], rows))
      }),
      { numRuns: 300 },
    )
  })
})
