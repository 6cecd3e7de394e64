// Staff accounts for tests, and signing in as them through the real sign-in form.
import type { Linkscore } from '../../server/boot.js'
import type { StaffRole } from '../../server/domain/staff-user.js'
import type { Page as BrowserPage } from 'playwright-core'
import type { HttpClient, Page } from './http-client.js'

/**
 * An account whose owner has already chosen their password (so tests sign in straight to the page they want), unless
 * `oneTime`: then its first sign-in must choose a new one, as for any account just added.
 */
export async function addStaff(
  ls: Linkscore,
  email: string,
  role: StaffRole,
  scope: { programmes?: string[]; practices?: string[] } = {},
  { oneTime = false } = {},
): Promise<string> {
  const added = await ls.services.staffAccounts.addUser({ email, role, ...scope }, { kind: 'command line' }, { mustChangePassword: oneTime })
  return added.password
}

/** Posts the sign-in form (with `next`, if given) and returns the answer, unfollowed. */
export async function signIn(client: HttpClient, email: string, password: string, next?: string): Promise<Page> {
  const form = await client.get(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in')
  return client.post('/sign-in', { email, password, ...(next ? { next } : {}) }, form.csrf)
}

/** The audit log as `action who detail` lines, oldest first, for comparing in tests. */
export async function auditLines(ls: Linkscore): Promise<string[]> {
  return (await ls.repos.auditLog.page(10_000, 0)).reverse().map((e) => [e.action, e.actorEmail ?? `(${e.source})`, e.detail ?? ''].join(' ').trim())
}

/**
 * Signs in over real HTTP at `baseUrl` and returns the session cookie, for clients that are not an HttpClient (a raw
 * request that stops reading, a spawned server).
 */
export async function signedInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${baseUrl}/sign-in`)
  const cookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
  const signedIn = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  })
  const renewed = signedIn.headers.getSetCookie().map((c) => c.split(';')[0])
  if (signedIn.status !== 303 || renewed.length === 0) throw new Error(`sign-in as ${email} answered ${signedIn.status}`)
  return renewed.join('; ')
}

/** In a real browser, on the page it shows: fills in the sign-in form, sends it, and waits for the page it leads to. */
export async function submitSignInForm(page: BrowserPage, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail address').fill(email)
  await page.getByLabel('Password').fill(password)
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
}
