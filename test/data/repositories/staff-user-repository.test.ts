import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let north: number
let practice: number
beforeEach(() => {
  ls = testLinkscore()
  north = ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' }).id
  practice = ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' }).id
})
afterEach(() => ls.close())

const AT = '2026-03-02T09:00:00.000Z'
const none = { programmeIds: [], practiceIds: [] }

describe('staff accounts', () => {
  it('stores an account with its scope, and finds it by id and by e-mail in any case', () => {
    const created = ls.repos.staffUsers.create({ email: 'eva@example.org', role: 'evaluator', passwordHash: 'scrypt$x', createdAt: AT, scope: { programmeIds: [north], practiceIds: [] } })
    expect(created).toEqual({ id: created.id, email: 'eva@example.org', role: 'evaluator', passwordHash: 'scrypt$x', createdAt: AT, disabledAt: null, sessionGeneration: 0 })
    expect(ls.repos.staffUsers.findByEmail('EVA@Example.org')).toEqual(created)
    expect(ls.repos.staffUsers.findById(created.id)).toEqual(created)
    expect(ls.repos.staffUsers.scope(created.id)).toEqual({ programmeIds: [north], practiceIds: [] })
  })

  it('keeps e-mail addresses unique without regard to case', () => {
    ls.repos.staffUsers.create({ email: 'eva@example.org', role: 'admin', passwordHash: 'h', createdAt: AT, scope: none })
    expect(() => ls.repos.staffUsers.create({ email: 'Eva@Example.org', role: 'admin', passwordHash: 'h', createdAt: AT, scope: none })).toThrow(/UNIQUE/)
  })

  it('adds nothing when a scope fails, such as an unknown practice', () => {
    expect(() => ls.repos.staffUsers.create({ email: 'sam@example.org', role: 'steering', passwordHash: 'h', createdAt: AT, scope: { programmeIds: [], practiceIds: [practice, 999] } })).toThrow(/FOREIGN KEY/)
    expect(ls.repos.staffUsers.findByEmail('sam@example.org')).toBeUndefined()
  })

  it('refuses a role it does not know', () => {
    expect(() => ls.repos.staffUsers.create({ email: 'x@example.org', role: 'owner' as 'admin', passwordHash: 'h', createdAt: AT, scope: none })).toThrow(/CHECK/)
  })

  it('replaces a password hash, and counts active accounts by role', () => {
    const a = ls.repos.staffUsers.create({ email: 'a@example.org', role: 'admin', passwordHash: 'old', createdAt: AT, scope: none })
    expect(ls.repos.staffUsers.setPasswordHash(a.id, 'new')).toBe(true)
    expect(ls.repos.staffUsers.findById(a.id)).toMatchObject({ passwordHash: 'new', sessionGeneration: 1 })
    expect(ls.repos.staffUsers.setPasswordHash(999, 'new')).toBe(false)
    expect(ls.repos.staffUsers.countActive('admin')).toBe(1)
    ls.db.prepare('UPDATE staff_user SET disabled_at = ? WHERE id = ?').run(AT, a.id)
    expect(ls.repos.staffUsers.countActive('admin')).toBe(0)
  })
})
