import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let north: number
let practice: number
beforeEach(async () => {
  ls = await testLinkscore()
  north = (await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })).id
  practice = (await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })).id
})
afterEach(async () => {
  await ls.close()
})

const AT = '2026-03-02T09:00:00.000Z'
const none = { programmeIds: [], practiceIds: [] }

// Constraint failures are matched by the words both databases use: "UNIQUE constraint failed" on SQLite, "violates unique constraint" on PostgreSQL.
describe('staff accounts', () => {
  it('stores an account with its scope, and finds it by id and by e-mail in any case', async () => {
    const created = await ls.repos.staffUsers.create({
      email: 'eva@example.org',
      role: 'evaluator',
      passwordHash: 'scrypt$x',
      createdAt: AT,
      scope: { programmeIds: [north], practiceIds: [] },
    })
    expect(created).toEqual({
      id: created.id,
      email: 'eva@example.org',
      role: 'evaluator',
      passwordHash: 'scrypt$x',
      createdAt: AT,
      disabledAt: null,
      sessionGeneration: 0,
      lastSignedInAt: null,
      mustChangePassword: false,
    })
    expect(await ls.repos.staffUsers.findByEmail('EVA@Example.org')).toEqual(created)
    expect(await ls.repos.staffUsers.findById(created.id)).toEqual(created)
    expect(await ls.repos.staffUsers.scope(created.id)).toEqual({ programmeIds: [north], practiceIds: [] })
  })

  it('keeps e-mail addresses unique without regard to case', async () => {
    await ls.repos.staffUsers.create({ email: 'eva@example.org', role: 'admin', passwordHash: 'h', createdAt: AT, scope: none })
    await expect(ls.repos.staffUsers.create({ email: 'Eva@Example.org', role: 'admin', passwordHash: 'h', createdAt: AT, scope: none })).rejects.toThrow(
      /unique constraint/i,
    )
  })

  it('adds nothing when a scope fails, such as an unknown practice', async () => {
    await expect(
      ls.repos.staffUsers.create({
        email: 'sam@example.org',
        role: 'steering',
        passwordHash: 'h',
        createdAt: AT,
        scope: { programmeIds: [], practiceIds: [practice, 999] },
      }),
    ).rejects.toThrow(/foreign key constraint/i)
    expect(await ls.repos.staffUsers.findByEmail('sam@example.org')).toBeUndefined()
  })

  it('refuses a role it does not know', async () => {
    await expect(
      ls.repos.staffUsers.create({ email: 'x@example.org', role: 'owner' as 'admin', passwordHash: 'h', createdAt: AT, scope: none }),
    ).rejects.toThrow(/check constraint/i)
  })

  it('replaces a password hash, and counts active accounts by role', async () => {
    const a = await ls.repos.staffUsers.create({ email: 'a@example.org', role: 'admin', passwordHash: 'old', createdAt: AT, scope: none })
    expect(a).toMatchObject({ mustChangePassword: false, lastSignedInAt: null })
    expect(await ls.repos.staffUsers.setPasswordHash(a.id, 'new', true)).toBe(true)
    expect(await ls.repos.staffUsers.findById(a.id)).toMatchObject({ passwordHash: 'new', sessionGeneration: 1, mustChangePassword: true })
    expect(await ls.repos.staffUsers.setPasswordHash(a.id, 'chosen', false)).toBe(true)
    expect(await ls.repos.staffUsers.findById(a.id)).toMatchObject({ passwordHash: 'chosen', sessionGeneration: 2, mustChangePassword: false })
    await ls.repos.staffUsers.recordSignIn(a.id, AT)
    expect((await ls.repos.staffUsers.findById(a.id))?.lastSignedInAt).toBe(AT)
    expect(await ls.repos.staffUsers.setPasswordHash(999, 'new', false)).toBe(false)
    expect(await ls.repos.staffUsers.countActive('admin')).toBe(1)
    await ls.db.updateTable('staff_user').set({ disabled_at: AT }).where('id', '=', a.id).execute()
    expect(await ls.repos.staffUsers.countActive('admin')).toBe(0)
  })
})
