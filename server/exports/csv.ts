import { stringify } from 'csv-stringify'
import { pipeline } from 'node:stream/promises'
import { Readable, type Writable } from 'node:stream'

/** Streams rows as RFC 4180 CSV with a header line, without holding them all in memory. */
export async function writeCsv(out: Writable, columns: readonly string[], rows: Iterable<object>): Promise<void> {
  await pipeline(Readable.from(rows), stringify({ header: true, columns: [...columns], cast: { boolean: (b) => (b ? 'true' : 'false') } }), out, { end: false })
}
