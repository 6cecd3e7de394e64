// Finds Debian's Chromium for the browser tests; without it they skip and say why.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]

export const chromiumPath = CANDIDATES.find((path) => existsSync(path))
export const skipBrowserReason = chromiumPath
  ? undefined
  : `Chromium not found (looked in ${CANDIDATES.join(', ')}); run "apt-get install -y chromium" or set CHROMIUM_PATH`

if (skipBrowserReason && !process.env.VITEST_WORKER_ID?.startsWith('x')) console.warn(`Skipping browser tests: ${skipBrowserReason}`)

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
