// Stops the server on SIGTERM or SIGINT: no new connections, requests in progress may finish up to a limit, then the
// rest are cut off (a download nobody reads would otherwise hold the process), and what the server used is released.
import type { Server } from 'node:http'

const IDLE_CHECK_MS = 100

export interface GracefulStop {
  server: Server
  /** How long requests in progress may take to finish before their connections are cut. */
  timeoutMs: number
  /** Called once the last connection is gone: stop timers, close the database. */
  release: () => Promise<void>
  log?: (line: string) => void
}

/** The first signal stops gracefully and exits 0 (1 if releasing fails); a second one exits 1 at once. */
export function stopGracefullyOnSignals({ server, timeoutMs, release, log = console.log }: GracefulStop): void {
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: stopping at once`)
      process.exit(1)
    }
    stopping = true
    log(`${signal}: letting requests in progress finish (up to ${timeoutMs / 1000} s), then stopping`)
    stopServer(server, timeoutMs)
      .then(release)
      .then(
        () => process.exit(0),
        (error: Error) => {
          console.error(`Linkscore did not stop cleanly: ${error.message}`)
          process.exit(1)
        },
      )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}

/** Resolves once every connection is gone: idle ones at once, busy ones when their response ends or at `timeoutMs`. */
export async function stopServer(server: Server, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  // close() closes the idle connections once; a connection whose response ends later would otherwise be kept alive.
  const closeIdle = setInterval(() => server.closeIdleConnections(), IDLE_CHECK_MS)
  const cutOff = setTimeout(() => server.closeAllConnections(), timeoutMs)
  await closed
  clearInterval(closeIdle)
  clearTimeout(cutOff)
}
