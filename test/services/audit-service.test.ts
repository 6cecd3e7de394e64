import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StaffUser } from '../../server/domain/staff-user.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore({ clock: { now: () => new Date('2026-03-02T09:00:00.000Z') } })
})
afterEach(async () => {
  await ls.close()
})

describe('recording in the audit log', () => {
  it.each([
    {
      actor: 'a signed-in user',
      who: { id: 0, email: 'eva@example.org', role: 'evaluator', programmeIds: [], practiceIds: [] } as StaffUser,
      columns: { actorEmail: 'eva@example.org', source: 'web' },
    },
    {
      actor: 'someone trying to sign in',
      who: { kind: 'sign-in attempt', email: 'x@example.org' } as const,
      columns: { actorUserId: null, actorEmail: 'x@example.org', source: 'web' },
    },
    { actor: 'the command line', who: { kind: 'command line' } as const, columns: { actorUserId: null, actorEmail: null, source: 'command line' } },
    { actor: 'start-up', who: { kind: 'start-up' } as const, columns: { actorUserId: null, actorEmail: null, source: 'start-up' } },
  ])('records $actor with the time, action and detail as JSON', async ({ who, columns }) => {
    if ('role' in who)
      who.id = (
        await ls.repos.staffUsers.create({
          email: who.email,
          role: who.role,
          passwordHash: 'h',
          createdAt: 'now',
          scope: { programmeIds: [], practiceIds: [] },
        })
      ).id
    await ls.services.auditLog.audit(who, 'password reset', { user: 'sam@example.org', scope: ['north'] })
    const [entry] = await ls.repos.auditLog.page(1, 0)
    expect(entry).toMatchObject({
      at: '2026-03-02T09:00:00.000Z',
      action: 'password reset',
      detail: '{"user":"sam@example.org","scope":["north"]}',
      ...columns,
    })
    if ('role' in who) expect(entry!.actorUserId).toBe(who.id)
  })

  it('stores no detail when there is none', async () => {
    await ls.services.auditLog.audit({ kind: 'command line' }, 'signed out')
    expect((await ls.repos.auditLog.page(1, 0))[0]!.detail).toBeNull()
  })

  it.each(['password', 'newPassword', 'passwordHash', 'secret', 'token', 'pass'])('refuses a detail named %s, so no secret reaches the log', async (key) => {
    await expect(ls.services.auditLog.audit({ kind: 'command line' }, 'password reset', { [key]: 'x' })).rejects.toThrow(`The audit log must not hold "${key}"`)
    expect(await ls.repos.auditLog.count()).toBe(0)
  })
})

describe('reading the audit log', () => {
  it('pages by 50, newest first, and refuses pages outside the log', async () => {
    for (let i = 1; i <= 101; i++) await ls.services.auditLog.audit({ kind: 'command line' }, 'user added', { n: i })
    expect(await ls.services.auditLog.page(1)).toMatchObject({ page: 1, pageCount: 3, total: 101 })
    expect((await ls.services.auditLog.page(1)).entries).toHaveLength(50)
    expect((await ls.services.auditLog.page(1)).entries[0]!.detail).toBe('{"n":101}')
    expect((await ls.services.auditLog.page(3)).entries.map((e) => e.detail)).toEqual(['{"n":1}'])
    for (const page of [0, 4, 1.5]) await expect(ls.services.auditLog.page(page)).rejects.toThrow('If you typed the web address')
  })

  it('has one empty page when there is nothing yet', async () => {
    expect(await ls.services.auditLog.page(1)).toEqual({ entries: [], page: 1, pageCount: 1, total: 0 })
  })
})
