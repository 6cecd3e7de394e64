// Sends an export as a file to download, streaming the CSV as it is written.
import type { Response } from 'express'
import { writeTable } from '../../exports/csv.js'
import type { ExportTable } from '../../services/export-service.js'

const attachment = (fileName: string) => `attachment; filename="${fileName}"`

/**
 * File names come from slugs (a-z, 0-9 and -), so they need no escaping. Data leaves the service here, so nothing caches it.
 * Like nginx's send_timeout, the write timeout counts from the last write the client took, not from the start: a slow
 * download goes on, but a client that takes nothing for `writeTimeoutMs` is cut off, and its database snapshot let go
 * (an open snapshot stops SQLite emptying its write-ahead log and holds a PostgreSQL connection from the pool).
 */
export async function sendCsv(res: Response, fileName: string, table: ExportTable, { writeTimeoutMs }: { writeTimeoutMs: number }): Promise<void> {
  res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(fileName), 'Cache-Control': 'no-store' })
  res.setTimeout(writeTimeoutMs, () => res.destroy())
  try {
    await writeTable(res, table)
    res.end()
  } catch (error) {
    // The person cancelled the download: writeCsv has stopped reading the database, and there is no one to tell.
    if (res.destroyed && (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return
    // Before the first byte the error handler can still send a page, which must not arrive as a .csv file.
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition')
      res.removeHeader('Content-Type')
    }
    throw error
  }
}

export function sendText(res: Response, fileName: string, text: string): void {
  res.set({ 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': attachment(fileName), 'Cache-Control': 'no-store' }).send(text)
}
