import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Clock } from '../../../server/clock.js'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let now = Date.parse('2026-06-01T08:00:00Z')
const clock: Clock = { now: () => new Date(now) }
const minutesLater = (minutes: number) => (now += minutes * 60_000)

let ls: TestLinkscore
const passwords: Record<string, string> = {}
beforeEach(async () => {
  now = Date.parse('2026-06-01T08:00:00Z')
  ls = await testLinkscore({ clock })
  passwords.eva = await addStaff(ls, 'eva@example.org', 'admin')
  passwords.sam = await addStaff(ls, 'sam@example.org', 'admin')
})
afterEach(() => ls.close())

async function signedIn(who: 'eva' | 'sam'): Promise<HttpClient> {
  const client = httpClient(ls.app)
  expect((await signIn(client, `${who}@example.org`, passwords[who]!)).status).toBe(303)
  return client
}

/** What the table shows, one line per row: signed in, last active, and the tag or button. */
const rows = (page: Page) =>
  page
    .$('main tbody tr')
    .map((_, tr) =>
      page
        .$(tr)
        .find('td')
        .map((_, td) => page.$(td).text().replace(/\s+/g, ' ').trim())
        .get()
        .join(' | '),
    )
    .get()

const handles = (page: Page) =>
  page
    .$('main input[name=session]')
    .map((_, input) => page.$(input).attr('value'))
    .get()

const stillSignedIn = async (client: HttpClient) => (await client.get('/staff')).status === 200

/** Eva on a laptop (08:00), a phone (08:30) and a tablet (09:00), and Sam; each used at a different time. */
async function evaOnThreeBrowsers() {
  const laptop = await signedIn('eva')
  minutesLater(30)
  const phone = await signedIn('eva')
  minutesLater(30)
  const tablet = await signedIn('eva')
  const sam = await signedIn('sam')
  minutesLater(15)
  await laptop.get('/staff')
  return { laptop, phone, tablet, sam }
}

describe('Your sessions', () => {
  it('lists the user’s own live sessions, most recently used first, with this one marked and no session id shown', async () => {
    const { tablet } = await evaOnThreeBrowsers()
    minutesLater(5)
    const page = await tablet.get('/account/sessions')
    expect([page.status, page.title, page.heading]).toEqual([200, 'Your sessions – Linkscore', 'Your sessions'])
    expect(rows(page)).toEqual(
      [
        '1 Jun 2026, 10:00 | 1 Jun 2026, 10:20 | This session',
        '1 Jun 2026, 09:00 | 1 Jun 2026, 10:15 | End the session signed in 1 Jun 2026, 09:00',
        '1 Jun 2026, 09:30 | 1 Jun 2026, 09:30 | End the session signed in 1 Jun 2026, 09:30',
      ].map((row) => row),
    )
    expect(page.$('main button').last().text().trim()).toBe('End all other sessions')
    const sids = (await ls.db.selectFrom('session').select('sid').execute()).map((s) => s.sid)
    for (const sid of sids) expect(page.$.html()).not.toContain(sid)
    expect(handles(page)).toHaveLength(2)
  })

  it('is linked from the staff home page', async () => {
    const client = await signedIn('eva')
    expect((await client.get('/staff')).$('a[href="/account/sessions"]').text()).toBe('Your sessions')
  })

  it('ends one other session: its next request goes to the sign-in page, the rest stay, and it is logged', async () => {
    const { laptop, phone, tablet, sam } = await evaOnThreeBrowsers()
    const page = await tablet.get('/account/sessions')
    const phoneHandle = handles(page)[1]!
    const ended = await tablet.post('/account/sessions/end', { session: phoneHandle }, page.csrf)
    expect([ended.status, ended.location]).toEqual([303, '/account/sessions?ended=1'])
    expect((await tablet.get(ended.location!)).$('main .nhsuk-inset-text p').text()).toBe('1 session has been ended.')
    expect((await phone.follow('/staff')).url).toBe('/sign-in?next=%2Fstaff')
    expect([await stillSignedIn(laptop), await stillSignedIn(tablet), await stillSignedIn(sam)]).toEqual([true, true, true])
    expect((await auditLines(ls)).at(-1)).toBe('session ended eva@example.org {"signedInAt":"2026-06-01T08:30:00.000Z"}')

    const again = await tablet.post('/account/sessions/end', { session: phoneHandle }, page.csrf)
    expect([again.status, again.heading]).toEqual([409, 'This session has already ended'])
  })

  it('ends every other session of the user, and no one else’s', async () => {
    const { laptop, phone, tablet, sam } = await evaOnThreeBrowsers()
    const page = await tablet.get('/account/sessions')
    const ended = await tablet.post('/account/sessions/end-others', {}, page.csrf)
    expect([ended.status, ended.location]).toEqual([303, '/account/sessions?ended=2'])
    const after = await tablet.get('/account/sessions?ended=2')
    expect(after.$('main .nhsuk-inset-text p').text()).toBe('2 sessions have been ended.')
    expect(rows(after)).toEqual(['1 Jun 2026, 10:00 | 1 Jun 2026, 10:15 | This session'])
    expect(after.$('main p').last().text()).toBe('You are not signed in anywhere else.')
    expect([await stillSignedIn(laptop), await stillSignedIn(phone), await stillSignedIn(tablet), await stillSignedIn(sam)]).toEqual([false, false, true, true])
    expect((await auditLines(ls)).at(-1)).toBe('other sessions ended eva@example.org {"sessions":2}')
  })

  it('cannot end another user’s session, nor the one in use, nor take a made-up handle', async () => {
    const { tablet, sam } = await evaOnThreeBrowsers()
    expect(handles(await sam.get('/account/sessions'))).toEqual([])
    const samsOwn = (await ls.db.selectFrom('session').select('handle').where('user_id', '=', 2).executeTakeFirstOrThrow()).handle!
    const tabletOwn = (
      await ls.db.selectFrom('session').select(['handle', 'last_active_at']).where('user_id', '=', 1).orderBy('signed_in_at', 'desc').executeTakeFirstOrThrow()
    ).handle!
    const page = await tablet.get('/account/sessions')
    expect((await tablet.post('/account/sessions/end', { session: samsOwn }, page.csrf)).status).toBe(409)
    expect((await tablet.post('/account/sessions/end', { session: tabletOwn }, page.csrf)).status).toBe(409)
    const madeUp = await tablet.post('/account/sessions/end', { session: 'not a handle' }, page.csrf)
    expect([madeUp.status, madeUp.heading]).toEqual([400, 'Sorry, there is a problem with that request'])
    expect((await tablet.post('/account/sessions/end', {}, page.csrf)).status).toBe(400)
    expect([await stillSignedIn(sam), await stillSignedIn(tablet)]).toEqual([true, true])
    expect((await tablet.post('/account/sessions/end-others', {}, 'wrong token')).status).toBe(403)
  })

  it('leaves out sessions ended by a new password, and those past the 12-hour lifetime', async () => {
    const old = await signedIn('eva')
    minutesLater(11 * 60)
    const recent = await signedIn('eva')
    minutesLater(60)
    expect(rows(await recent.get('/account/sessions'))).toEqual(['1 Jun 2026, 20:00 | 1 Jun 2026, 21:00 | This session'])
    expect(await stillSignedIn(old)).toBe(false)
    passwords.eva = await ls.services.staffAccounts.resetPassword('eva@example.org', { kind: 'command line' })
    // As if the one-time password had been replaced already: this test is about the sessions list, not the forced change.
    await ls.db.updateTable('staff_user').set({ must_change_password: 0 }).where('email', '=', 'eva@example.org').execute()
    const fresh = await signedIn('eva')
    expect(rows(await fresh.get('/account/sessions'))).toEqual(['1 Jun 2026, 21:00 | 1 Jun 2026, 21:00 | This session'])
  })
})
