// Streaming a download: a cancelled download stops reading rows, and a failure never arrives as a file.
import express from 'express'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { errorHandler } from '../../../server/middleware/error-handler.js'
import { layoutRenderer } from '../../../server/middleware/layout-renderer.js'
import { sendCsv } from '../../../server/routes/exports/send-download.js'

let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
})

/**
 * Rows without end (or failing after `failAfter`), recording how many were read and whether the reader let go: read at
 * once, or (as the repositories give them) a batch at a time from the database.
 */
function endlessRows(kind: 'sync' | 'async', failAfter = Infinity) {
  const state = { read: 0, closed: false }
  const next = () => {
    if (state.read === failAfter) throw new Error('the database went away')
    state.read++
    return { n: state.read, text: 'x'.repeat(100) }
  }
  function* rows() {
    try {
      for (;;) yield next()
    } finally {
      state.closed = true
    }
  }
  async function* asyncRows() {
    try {
      for (;;) {
        await Promise.resolve()
        yield next()
      }
    } finally {
      state.closed = true
    }
  }
  return { state, rows: kind === 'sync' ? rows() : asyncRows() }
}

async function serve(rows: Iterable<object> | AsyncIterable<object>): Promise<{ url: string; logged: unknown[] }> {
  const logged: unknown[] = []
  const app = express()
  app.set('views', 'views')
  app.engine('ejs', layoutRenderer('layouts/main'))
  app.set('view engine', 'ejs')
  app.locals.serviceName = 'Linkscore'
  app.get('/file.csv', (_req, res) => sendCsv(res, 'file.csv', { columns: ['n', 'text'], rows }, { writeTimeoutMs: 30_000 }))
  app.use(errorHandler({ production: true, log: (...args) => logged.push(args) }))
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/file.csv`, logged }
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe.each(['sync', 'async'] as const)('with %s rows', (kind) => {
  it('stops reading rows when the person cancels the download, and reports nothing', async () => {
    const { state, rows } = endlessRows(kind)
    const { url, logged } = await serve(rows)
    const controller = new AbortController()
    const response = await fetch(url, { signal: controller.signal })
    const reader = response.body!.getReader()
    await reader.read()
    controller.abort()
    await until(() => state.closed)
    expect(state.closed).toBe(true)
    const readWhenClosed = state.read
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(state.read).toBe(readWhenClosed)
    expect(readWhenClosed).toBeLessThan(100_000) // read as the client takes them, not all at once
    expect(logged).toEqual([])
  })

  it('cuts the connection when rows fail part way, so a half file is not taken for a whole one', async () => {
    const { state, rows } = endlessRows(kind, 5_000)
    const { url } = await serve(rows)
    const response = await fetch(url)
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="file.csv"')
    await expect(response.text()).rejects.toThrow()
    expect(state.closed).toBe(true)
  })

  it('sends the error page, not a file, when rows fail before the first byte', async () => {
    const { rows } = endlessRows(kind, 0)
    const { url, logged } = await serve(rows)
    const response = await fetch(url)
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('content-disposition')).toBeNull()
    expect(await response.text()).toContain('Sorry, there is a problem with the service')
    expect(logged).toHaveLength(1)
  })
})
