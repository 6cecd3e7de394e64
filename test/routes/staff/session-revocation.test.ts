import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Clock } from '../../../server/clock.js'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { runCli } from '../../support/run-cli.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const HOUR = 3600_000
let now = Date.parse('2026-12-01T09:00:00Z')
const clock: Clock = { now: () => new Date(now) }

let ls: TestLinkscore
let password: string
let otherPassword: string
beforeEach(async () => {
  now = Date.parse('2026-12-01T09:00:00Z')
  ls = await testLinkscore({ clock })
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
  await ls.services.admin.addProgramme({ slug: 'south', name: 'South PCN' })
  password = await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] })
  otherPassword = await addStaff(ls, 'sam@example.org', 'admin')
})
afterEach(() => ls.close())

/** `oneTime` for a password just reset: signed in, but sent to choose a new password first. */
async function signedInClient(pass = password, email = 'eva@example.org', { oneTime = false } = {}): Promise<HttpClient> {
  const client = httpClient(ls.app)
  expect((await signIn(client, email, pass)).status).toBe(303)
  const home = await client.get('/staff')
  expect([home.status, home.location]).toEqual(oneTime ? [303, '/account/password'] : [200, undefined])
  return client
}

const cli = (...args: string[]) => runCli(args, { ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: ls.config.questionnairesFolder })

const sentToSignIn = async (client: HttpClient) => {
  const page = await client.get('/staff')
  return [page.status, page.location]
}

describe('ending staff sessions', () => {
  it('ends every earlier session when the password is reset on the command line', async () => {
    const laptop = await signedInClient()
    const phone = await signedInClient()
    const reset = await cli('user', 'password', '--email', 'eva@example.org')
    expect(reset.code).toBe(0)
    expect(await sentToSignIn(laptop)).toEqual([303, '/sign-in?next=%2Fstaff'])
    expect(await sentToSignIn(phone)).toEqual([303, '/sign-in?next=%2Fstaff'])
    const newPassword = /^password: (\S+)$/m.exec(reset.stdout)![1]!
    await signedInClient(newPassword, 'eva@example.org', { oneTime: true })
  })

  it.each([
    { change: 'a new password', args: ['user', 'password', '--email', 'eva@example.org'] },
    { change: 'disabling the account', args: ['user', 'disable', '--email', 'eva@example.org'] },
    { change: 'a new role', args: ['user', 'role', '--email', 'eva@example.org', '--role', 'steering', '--practice', 'N1'] },
    {
      change: 'a new scope in the same role',
      args: ['user', 'role', '--email', 'eva@example.org', '--role', 'evaluator', '--programme', 'north', '--programme', 'south'],
    },
  ])('sends an earlier session to the sign-in page after $change on the command line, and leaves other users signed in', async ({ args }) => {
    const eva = await signedInClient()
    const sam = await signedInClient(otherPassword, 'sam@example.org')
    expect((await cli(...args)).code).toBe(0)
    const page = await eva.follow('/staff')
    expect([page.url, page.heading]).toEqual(['/sign-in?next=%2Fstaff', 'Sign in'])
    expect((await sam.get('/staff')).heading).toBe('Your programmes')
  })

  it('refuses a disabled account with the wrong-password message, logs it, and lets it in again once enabled', async () => {
    expect((await cli('user', 'disable', '--email', 'eva@example.org')).code).toBe(0)
    const client = httpClient(ls.app)
    const refused = await signIn(client, 'eva@example.org', password)
    expect([refused.status, refused.errorSummary.map((e) => e.text)]).toEqual([422, ['Enter a correct e-mail address and password']])
    expect((await auditLines(ls)).at(-1)).toBe('sign-in failed eva@example.org {"reason":"account disabled","failuresInARow":1}')
    expect((await cli('user', 'enable', '--email', 'eva@example.org')).code).toBe(0)
    await signedInClient()
  })

  it('ends a session signed in before a reset, but not one signed in after it', async () => {
    const before = await signedInClient()
    const newPassword = await ls.services.staffAccounts.resetPassword('eva@example.org', { kind: 'command line' })
    const after = await signedInClient(newPassword, 'eva@example.org', { oneTime: true })
    expect(await sentToSignIn(before)).toEqual([303, '/sign-in?next=%2Fstaff'])
    expect((await after.get('/staff')).location).toBe('/account/password')
  })

  it('ends a disabled account’s open session on its next request', async () => {
    const client = await signedInClient()
    await ls.db.updateTable('staff_user').set({ disabled_at: '2026-12-01T10:00:00Z' }).where('email', '=', 'eva@example.org').execute()
    expect(await sentToSignIn(client)).toEqual([303, '/sign-in?next=%2Fstaff'])
  })

  it('lasts at most 12 hours from sign-in, however active', async () => {
    const client = await signedInClient()
    for (let hour = 1; hour < 12; hour++) {
      now += HOUR
      expect((await client.get('/staff')).status).toBe(200)
    }
    now += HOUR - 1
    expect((await client.get('/staff')).status).toBe(200)
    now += 1
    expect(await sentToSignIn(client)).toEqual([303, '/sign-in?next=%2Fstaff'])
  })
})
