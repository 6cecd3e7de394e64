import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

it('refuses to start on an https base URL with no trusted proxy, saying what to set, without a stack trace', () => {
  const folder = mkdtempSync(join(tmpdir(), 'linkscore-main-'))
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', LINKSCORE_DB: join(folder, 'db.sqlite'), LINKSCORE_BASE_URL: 'https://survey.example.org' },
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Linkscore did not start.\nLINKSCORE_BASE_URL is https://survey.example.org, but LINKSCORE_TRUST_PROXY is not set.')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})
