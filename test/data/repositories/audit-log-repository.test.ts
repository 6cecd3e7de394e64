import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(() => (ls = testLinkscore()))
afterEach(() => ls.close())

describe('the audit log', () => {
  it('keeps entries and returns them newest first, a page at a time', () => {
    for (let i = 1; i <= 5; i++) {
      ls.repos.auditLog.add({ at: `2026-03-0${i}T09:00:00.000Z`, actorUserId: null, actorEmail: `u${i}@example.org`, source: 'web', action: 'signed in', detail: null })
    }
    expect(ls.repos.auditLog.count()).toBe(5)
    expect(ls.repos.auditLog.page(2, 0).map((e) => e.actorEmail)).toEqual(['u5@example.org', 'u4@example.org'])
    expect(ls.repos.auditLog.page(2, 4).map((e) => e.actorEmail)).toEqual(['u1@example.org'])
    expect(ls.repos.auditLog.page(2, 4)[0]).toEqual({ id: 1, at: '2026-03-01T09:00:00.000Z', actorUserId: null, actorEmail: 'u1@example.org', source: 'web', action: 'signed in', detail: null })
  })

  it('refuses an actor that is not an account, and a source it does not know', () => {
    const entry = { at: '2026-03-01T09:00:00.000Z', actorUserId: null, actorEmail: null, source: 'web' as const, action: 'x', detail: null }
    expect(() => ls.repos.auditLog.add({ ...entry, actorUserId: 42 })).toThrow(/FOREIGN KEY/)
    expect(() => ls.repos.auditLog.add({ ...entry, source: 'e-mail' as 'web' })).toThrow(/CHECK/)
  })
})
