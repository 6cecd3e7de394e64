import type { Writable } from 'node:stream'

/** Where a command writes, so tests can run the CLI in-process and read what it printed. */
export interface CliIo {
  stdout: Writable
  stderr: Writable
  env: NodeJS.ProcessEnv
  cwd: string
}

export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`)
}
