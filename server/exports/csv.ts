// Writes CSV for every export, on the command line and on the web.
import { stringify } from 'csv-stringify/sync'
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** About 64 KB of CSV per chunk: a chunk per row would cost more in stream overhead than in writing CSV. */
export const CHUNK_CHARACTERS = 64 * 1024

/**
 * Text a spreadsheet would run as a formula starts with =, +, -, @, a tab or a carriage return (OWASP's list). Text
 * that already starts with quotes before one of those gets one more, so that taking one quote off is always exact.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/

/** A cell csv-stringify quotes: one holding the delimiter, a quote or either line break. */
const NEEDS_QUOTES = /[",\n\r]/
const QUOTES = /"/g

/**
 * OWASP's rule for CSV injection: such a cell gets a leading single quote, so a spreadsheet shows it as text.
 * Nothing is trimmed. Numbers are written as numbers and never need it; the R script takes the quote off again.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

const STRINGIFY_OPTIONS = { cast: { boolean: (b: boolean) => (b ? 'true' : 'false'), string: neutraliseFormula } }

/**
 * One cell as csv-stringify writes it with STRINGIFY_OPTIONS (test/exports/csv.test.ts checks the two agree), or
 * undefined for a value it has no fast path for (a Date, an object), which csvLine then leaves to csv-stringify.
 * csv-stringify's own per-cell work was most of an export's time.
 */
function cell(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const text = FORMULA_START.test(value) ? `'${value}` : value
    return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTES, '""')}"` : text
  }
  if (typeof value === 'number') return `${value}`
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return undefined
}

/** A cell as csvLine writes it (a string, a number, a boolean or null): for lines written a part at a time. */
export function csvCell(value: string | number | boolean | null): string {
  return cell(value)!
}

/** One row as a CSV line with its line break: the columns' values in the columns' order. */
export function csvLine(columns: readonly string[], row: object): string {
  const record = row as Record<string, unknown>
  let line = ''
  for (let i = 0; i < columns.length; i++) {
    const text = cell(record[columns[i]!])
    if (text === undefined) return stringify([row], { ...STRINGIFY_OPTIONS, columns: [...columns] })
    line += i === 0 ? text : `,${text}`
  }
  return `${line}\n`
}

/** Rows to write as CSV, or CSV lines already written (whole lines a chunk), as the largest export makes them. */
export type CsvTable =
  { columns: readonly string[]; rows: Iterable<object> | AsyncIterable<object> } | { columns: readonly string[]; lines: AsyncIterable<string> }

/**
 * Streams a table as RFC 4180 CSV with a header line. Rows are pulled from the iterable only as fast as `out` takes
 * them, a chunk at a time, so an iterator over the database is read in constant memory. `out` is left open.
 */
export async function writeTable(out: Writable, table: CsvTable): Promise<void> {
  const chunks = 'rows' in table ? csvChunks(table.columns, table.rows) : headed(table.columns, table.lines)
  await pipeline(Readable.from(chunks), out, { end: false })
}

/** writeTable for rows. */
export const writeCsv = (out: Writable, columns: readonly string[], rows: Iterable<object> | AsyncIterable<object>): Promise<void> =>
  writeTable(out, { columns, rows })

const header = (columns: readonly string[]) => stringify([], { ...STRINGIFY_OPTIONS, columns: [...columns], header: true })

async function* headed(columns: readonly string[], lines: AsyncIterable<string>): AsyncGenerator<string> {
  yield header(columns)
  yield* lines
}

async function* csvChunks(columns: readonly string[], rows: Iterable<object> | AsyncIterable<object>): AsyncGenerator<string> {
  let chunk = header(columns)
  // Rows in memory are read without awaiting each one.
  if (Symbol.iterator in rows) {
    for (const row of rows) {
      chunk += csvLine(columns, row)
      if (chunk.length < CHUNK_CHARACTERS) continue
      yield chunk
      chunk = ''
    }
  } else {
    for await (const row of rows) {
      chunk += csvLine(columns, row)
      if (chunk.length < CHUNK_CHARACTERS) continue
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}
