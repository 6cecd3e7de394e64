// Finds Debian's Chromium for the browser tests; without it they skip and say why (and fail on CI, see require-tool.ts).
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { requireTool } from './require-tool.js'

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]

export const chromiumPath = CANDIDATES.find((path) => existsSync(path))
export const skipBrowserReason = chromiumPath
  ? undefined
  : `Chromium not found (looked in ${CANDIDATES.join(', ')}); run "apt-get install -y chromium" or set CHROMIUM_PATH`
export const chromiumFound = requireTool('Chromium', Boolean(chromiumPath), skipBrowserReason ?? '')

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
