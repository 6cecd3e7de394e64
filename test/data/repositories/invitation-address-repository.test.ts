// The address table on both databases: who is due a reminder, the counts, and deletion by wave and with a practice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWithShortCodes } from '../../../server/services/new-invitations.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let waveId: number
let practiceId: number

beforeEach(async () => {
  ls = await testLinkscore()
  const { practice, wave } = await seedProgramme(ls, ['pilot'])
  waveId = wave.id
  practiceId = practice.id
})
afterEach(() => ls.close())

/** Four e-mailed invitations: a, b, c and d. */
async function addressed() {
  const made = await createWithShortCodes(ls.repos, waveId, practiceId, 4, null)
  return ls.repos.invitationAddresses.addMany(
    waveId,
    made.map((m, i) => ({ token: m.token, address: `${'abcd'[i]}@x.org` })),
  )
}
async function respond(token: string, submit: boolean) {
  const invitation = (await ls.repos.invitations.findByToken(token))!
  await ls.repos.invitations.markUsed(invitation.id, '2026-03-02T10:00:00.000Z')
  const response = await ls.repos.responses.create({
    invitationId: invitation.id,
    practiceId,
    waveId,
    resumeToken: `resume-${token}`,
    source: 'invitation',
    role: null,
    setting: null,
    at: '2026-03-02T10:00:00.000Z',
  })
  if (submit) await ls.repos.responses.submit(response.id, '2026-03-02T10:30:00.000Z')
}
const dueAddresses = async (before: string) => (await ls.repos.invitationAddresses.dueForReminder(waveId, before)).map((a) => a.address)

describe('the invitation address repository', () => {
  it('finds those due a reminder: not sent back, and not reminded since the cut-off', async () => {
    const [a, b, , d] = await addressed()
    await respond(a!.token, true)
    await respond(b!.token, false)
    await ls.repos.invitationAddresses.markReminded(d!.id, '2026-03-05T09:00:00.000Z')
    expect(await dueAddresses('2026-03-05T09:00:00.000Z')).toEqual(['b@x.org', 'c@x.org'])
    expect(await dueAddresses('2026-03-05T09:00:00.001Z')).toEqual(['b@x.org', 'c@x.org', 'd@x.org'])
    expect((await ls.repos.invitationAddresses.dueForReminder(waveId, '2026-03-06T00:00:00.000Z'))[0]).toEqual({
      id: b!.id,
      address: 'b@x.org',
      token: b!.token,
      shortCode: b!.shortCode,
    })
  })

  it('counts by practice, and says which addresses it holds', async () => {
    const [a, b, c] = await addressed()
    await ls.repos.invitationAddresses.markSent(a!.id, '2026-03-02T09:00:00.000Z')
    await ls.repos.invitationAddresses.markSent(b!.id, '2026-03-02T09:00:00.000Z')
    await ls.repos.invitationAddresses.markBounced(c!.id, '2026-03-02T09:00:00.000Z')
    await ls.repos.invitationAddresses.markReminded(b!.id, '2026-03-09T09:00:00.000Z')
    await respond(a!.token, true)
    await respond(b!.token, false)
    expect(await ls.repos.invitationAddresses.counts(waveId)).toEqual([
      { practiceId, addresses: 4, sent: 2, bounced: 1, started: 2, submitted: 1, reminders: 1 },
    ])
    expect((await ls.repos.invitationAddresses.alreadyHeld(waveId, ['b@x.org', 'e@x.org'])).sort()).toEqual(['b@x.org'])
    expect(await ls.repos.invitationAddresses.isHeldFor((await ls.repos.invitations.findByToken(a!.token))!.id)).toBe(true)
  })

  it('deletes a wave’s addresses, and a removed practice’s with its invitations', async () => {
    await addressed()
    expect(await ls.repos.invitationAddresses.removeByWave(waveId + 1)).toBe(0)
    expect(await ls.repos.invitationAddresses.removeByWave(waveId)).toBe(4)
    expect(await ls.repos.invitationAddresses.counts(waveId)).toEqual([])
    await addressed()
    await ls.repos.practices.remove(practiceId)
    const left = await ls.db
      .selectFrom('invitation_address')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(left.n)).toBe(0)
  })
})
