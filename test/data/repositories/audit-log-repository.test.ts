import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore()
})
afterEach(async () => {
  await ls.close()
})

describe('the audit log', () => {
  it('keeps entries and returns them newest first, a page at a time', async () => {
    for (let i = 1; i <= 5; i++) {
      await ls.repos.auditLog.add({
        at: `2026-03-0${i}T09:00:00.000Z`,
        actorUserId: null,
        actorEmail: `u${i}@example.org`,
        source: 'web',
        action: 'signed in',
        detail: null,
      })
    }
    expect(await ls.repos.auditLog.count()).toBe(5)
    expect((await ls.repos.auditLog.page(2, 0)).map((e) => e.actorEmail)).toEqual(['u5@example.org', 'u4@example.org'])
    expect((await ls.repos.auditLog.page(2, 4)).map((e) => e.actorEmail)).toEqual(['u1@example.org'])
    expect((await ls.repos.auditLog.page(2, 4))[0]).toEqual({
      id: 1,
      at: '2026-03-01T09:00:00.000Z',
      actorUserId: null,
      actorEmail: 'u1@example.org',
      source: 'web',
      action: 'signed in',
      detail: null,
    })
  })

  // The constraint's name is in both databases' messages: "FOREIGN KEY constraint failed" on SQLite, "violates foreign key constraint" on PostgreSQL.
  it('refuses an actor that is not an account, and a source it does not know', async () => {
    const entry = { at: '2026-03-01T09:00:00.000Z', actorUserId: null, actorEmail: null, source: 'web' as const, action: 'x', detail: null }
    await expect(ls.repos.auditLog.add({ ...entry, actorUserId: 42 })).rejects.toThrow(/foreign key constraint/i)
    await expect(ls.repos.auditLog.add({ ...entry, source: 'e-mail' as 'web' })).rejects.toThrow(/check constraint/i)
    expect(await ls.repos.auditLog.count()).toBe(0)
  })
})
