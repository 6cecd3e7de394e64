import { parse } from 'csv-parse/sync'
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
