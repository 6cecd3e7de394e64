// One Chromium per test file, a real Linkscore listening on a free port, and fresh browser contexts closed after each test.
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { chromiumFound, launchBrowser, skipBrowserReason } from './browser.js'
import { listen, type TestLinkscore } from './test-linkscore.js'

export interface ChromiumHarnessOptions {
  /** Builds and seeds the app; the harness closes it. */
  linkscore: () => TestLinkscore | Promise<TestLinkscore>
  /** A fresh app for each test (the default), or one for the whole file. */
  fresh?: 'each test' | 'once'
}

export interface ChromiumHarness {
  /** A describe block that runs in Chromium; where Chromium is missing it is skipped, saying why (and fails on CI). */
  describe(title: string, tests: () => void): void
  readonly browser: Browser
  readonly ls: TestLinkscore
  /** Where the app listens, as http://127.0.0.1:port */
  readonly url: string
  /** A browser context, closed after the test; CSP violations in its pages are reported on their console. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>
  /** A page in a new context, closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>
}

export function chromiumHarness({ linkscore, fresh = 'each test' }: ChromiumHarnessOptions): ChromiumHarness {
  let browser: Browser | undefined
  let running: { ls: TestLinkscore; server: Awaited<ReturnType<typeof listen>> } | undefined
  const contexts: BrowserContext[] = []

  const start = async () => {
    const ls = await linkscore()
    running = { ls, server: await listen(ls.app) }
  }
  const stop = async () => {
    await running?.server.stop()
    await running?.ls.close()
    running = undefined
  }
  const during = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} exists only while a test runs`)
    return value
  }

  const harness: ChromiumHarness = {
    describe(title, tests) {
      describe.skipIf(!chromiumFound)(`${title} in Chromium${skipBrowserReason ? ` (skipped: ${skipBrowserReason})` : ''}`, () => {
        beforeAll(async () => {
          browser = await launchBrowser()
          if (fresh === 'once') await start()
        })
        afterAll(async () => {
          await stop()
          await browser?.close()
        })
        if (fresh === 'each test') beforeEach(start)
        afterEach(async () => {
          await Promise.all(contexts.splice(0).map((context) => context.close()))
          if (fresh === 'each test') await stop()
        })
        tests()
      })
    },
    get browser() {
      return during(browser, 'browser')
    },
    get ls() {
      return during(running, 'app').ls
    },
    get url() {
      return during(running, 'app').server.url
    },
    async newContext(options) {
      const context = await harness.browser.newContext(options)
      contexts.push(context)
      await context.addInitScript(reportCspViolations)
      return context
    },
    async newPage(options) {
      return (await harness.newContext(options)).newPage()
    },
  }
  return harness
}

/** Runs in each page: puts CSP violations on the console, where the tests look, even if Chromium's own wording changes. */
function reportCspViolations() {
  const g = globalThis as unknown as {
    document: { addEventListener(type: string, listener: (e: { violatedDirective: string; blockedURI: string }) => void): void }
    console: Console
  }
  g.document.addEventListener('securitypolicyviolation', (e) => g.console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`))
}
