// Runs the linkscore CLI in-process, capturing what it prints.
import { PassThrough } from 'node:stream'
import { main } from '../../server/cli/main.js'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export async function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (b: Buffer) => out.push(b))
  stderr.on('data', (b: Buffer) => err.push(b))
  const code = await main(args, { stdout, stderr, env: { NODE_ENV: 'test', ...env }, cwd: process.cwd() })
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }
}
