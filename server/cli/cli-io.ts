import type { Writable } from 'node:stream'

/** Where a command writes, so tests can run the CLI in-process and read what it printed. */
export interface CliIo {
  stdout: Writable
  stderr: Writable
  env: NodeJS.ProcessEnv
  cwd: string
  /** The command has the process to itself and ends it (the linkscore bin), so it may tune the process's V8 heap; tests leave it unset. */
  ownProcess?: boolean
}

export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`)
}
