// What must never happen on a page: console errors and warnings (Chromium reports CSP refusals there), script errors,
// failed requests, error statuses from our server, and requests to any other origin.
import type { Page } from 'playwright-core'

export interface PageWatch {
  problems: string[]
  /** The status of each of our own assets the page loaded, by path. */
  assets: Map<string, number>
}

/** Watches the page from now on; `expectedStatuses` are error statuses a test provokes on purpose (a form's 422, say). */
export function watchPage(page: Page, origin: string, { expectedStatuses = [] as number[] } = {}): PageWatch {
  const watch: PageWatch = { problems: [], assets: new Map() }
  const ours = (url: string) => url.startsWith(origin)
  const expected = (text: string) => expectedStatuses.some((status) => text.includes(`status of ${status}`))
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !expected(m.text())) watch.problems.push(`console ${m.type()} on ${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => watch.problems.push(`script error on ${page.url()}: ${e.message}`))
  page.on('requestfailed', (r) => {
    // Chromium fetches the favicon by itself, and drops the request when the test moves on to the next page first.
    if (new URL(r.url()).pathname === '/static/favicon.svg' && r.failure()?.errorText === 'net::ERR_ABORTED') return
    watch.problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`)
  })
  page.on('response', (r) => {
    if (!ours(r.url())) return
    if (r.request().resourceType() !== 'document') watch.assets.set(new URL(r.url()).pathname, r.status())
    if (r.status() >= 400 && !expectedStatuses.includes(r.status())) watch.problems.push(`HTTP ${r.status()} for ${r.url()}`)
  })
  page.on('request', (r) => {
    if (!ours(r.url()) && !r.url().startsWith('data:')) watch.problems.push(`request to another origin: ${r.url()}`)
  })
  return watch
}
