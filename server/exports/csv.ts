// Writes CSV for every export, on the command line and on the web.
import { stringify } from 'csv-stringify'
import { pipeline } from 'node:stream/promises'
import { Readable, type Writable } from 'node:stream'

/**
 * Streams rows as RFC 4180 CSV with a header line. Rows are pulled from the iterable only as fast as `out` takes
 * them, so an iterator over the database is read in constant memory. `out` is left open.
 */
export async function writeCsv(out: Writable, columns: readonly string[], rows: Iterable<object>): Promise<void> {
  await pipeline(Readable.from(rows), stringify({ header: true, columns: [...columns], cast: { boolean: (b) => (b ? 'true' : 'false') } }), out, { end: false })
}
