// Writes CSV for every export, on the command line and on the web.
import { stringify } from 'csv-stringify/sync'
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

const ROWS_PER_CHUNK = 500

/**
 * Text a spreadsheet would run as a formula starts with =, +, -, @, a tab or a carriage return (OWASP's list). Text
 * that already starts with quotes before one of those gets one more, so that taking one quote off is always exact.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/

/**
 * OWASP's rule for CSV injection: such a cell gets a leading single quote, so a spreadsheet shows it as text.
 * Nothing is trimmed. Numbers are written as numbers and never need it; the R script takes the quote off again.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/**
 * Streams rows as RFC 4180 CSV with a header line. Rows are pulled from the iterable only as fast as `out` takes
 * them, a few hundred at a time, so an iterator over the database is read in constant memory. `out` is left open.
 */
export async function writeCsv(out: Writable, columns: readonly string[], rows: Iterable<object> | AsyncIterable<object>): Promise<void> {
  await pipeline(Readable.from(csvChunks(columns, rows)), out, { end: false })
}

// One string per few hundred rows: a chunk per row would cost more in stream overhead than in writing CSV.
async function* csvChunks(columns: readonly string[], rows: Iterable<object> | AsyncIterable<object>): AsyncGenerator<string> {
  const options = { columns: [...columns], cast: { boolean: (b: boolean) => (b ? 'true' : 'false'), string: neutraliseFormula } }
  let batch: object[] = []
  let header = true
  for await (const row of rows) {
    batch.push(row)
    if (batch.length < ROWS_PER_CHUNK) continue
    yield stringify(batch, { ...options, header })
    header = false
    batch = []
  }
  if (header || batch.length) yield stringify(batch, { ...options, header })
}
