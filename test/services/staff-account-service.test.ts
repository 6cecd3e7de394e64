import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NotFoundError } from '../../server/errors.js'
import { verifyPassword } from '../../server/services/passwords.js'
import { auditLines } from '../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore()
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
})
afterEach(async () => {
  await ls.close()
})

const CLI = { kind: 'command line' } as const
const accounts = () => ls.services.staffAccounts

describe('adding a staff account', () => {
  it.each([
    { role: 'admin' as const, scope: {}, stored: { programmeIds: [], practiceIds: [] }, detail: '{"user":"new@example.org","role":"admin"}' },
    {
      role: 'evaluator' as const,
      scope: { programmes: ['north'] },
      stored: { programmeIds: [1], practiceIds: [] },
      detail: '{"user":"new@example.org","role":"evaluator","scope":["north"]}',
    },
    {
      role: 'steering' as const,
      scope: { practices: ['N1'] },
      stored: { programmeIds: [], practiceIds: [1] },
      detail: '{"user":"new@example.org","role":"steering","scope":["N1"]}',
    },
  ])('adds an $role with a random password, stored only as its hash, and logs it', async ({ role, scope, stored, detail }) => {
    const added = await accounts().addUser({ email: ' New@Example.org ', role, ...scope }, CLI)
    expect(added.account).toMatchObject({ email: 'new@example.org', role })
    expect(added.password).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(added.account.passwordHash).not.toContain(added.password)
    expect(await verifyPassword(added.password, added.account.passwordHash)).toBe(true)
    expect(await ls.repos.staffUsers.scope(added.account.id)).toEqual(stored)
    expect(await auditLines(ls)).toEqual([`user added (command line) ${detail}`])
  })

  it.each([
    { input: { email: 'not-an-address', role: 'admin' }, message: 'email: enter an e-mail address, such as name@example.org' },
    { input: { email: 'x@example.org', role: 'owner' }, message: 'role: must be one of: admin, evaluator, steering' },
    {
      input: { email: 'x@example.org', role: 'admin', programmes: ['north'] },
      message: 'An admin sees every programme and practice: leave out programme and practice',
    },
    { input: { email: 'x@example.org', role: 'evaluator' }, message: 'An evaluator needs a programme (and no practice): they see whole programmes' },
    {
      input: { email: 'x@example.org', role: 'evaluator', programmes: ['north'], practices: ['N1'] },
      message: 'An evaluator needs a programme (and no practice): they see whole programmes',
    },
    { input: { email: 'x@example.org', role: 'steering' }, message: 'A steering group member needs a practice (and no programme): they see single practices' },
    {
      input: { email: 'x@example.org', role: 'steering', programmes: ['north'], practices: ['N1'] },
      message: 'A steering group member needs a practice (and no programme): they see single practices',
    },
    { input: { email: 'x@example.org', role: 'evaluator', programmes: ['south'] }, message: 'No programme "south". Programmes: north' },
    { input: { email: 'x@example.org', role: 'steering', practices: ['N9'] }, message: 'No practice with code "N9"' },
  ])('refuses $input: $message', async ({ input, message }) => {
    await expect(accounts().addUser(input as Parameters<ReturnType<typeof accounts>['addUser']>[0], CLI)).rejects.toThrow(message)
    expect(await ls.repos.auditLog.count()).toBe(0)
  })

  it('refuses an e-mail address that already has an account, in any case', async () => {
    await accounts().addUser({ email: 'eva@example.org', role: 'admin' }, CLI)
    await expect(accounts().addUser({ email: 'EVA@example.org', role: 'admin' }, CLI)).rejects.toThrow('A user with e-mail "eva@example.org" already exists')
  })
})

describe('resetting a password', () => {
  it('sets a new random password, ends a lock-out and logs it', async () => {
    const { account, password: old } = await accounts().addUser({ email: 'eva@example.org', role: 'admin' }, CLI)
    await ls.repos.signInFailures.recordFailure('eva@example.org', '2026-03-02T09:00:00.000Z')
    const password = await accounts().resetPassword('Eva@example.org', CLI)
    expect(password).not.toBe(old)
    const hash = (await ls.repos.staffUsers.findById(account.id))!.passwordHash
    expect([await verifyPassword(password, hash), await verifyPassword(old, hash)]).toEqual([true, false])
    expect(await ls.repos.signInFailures.find('eva@example.org')).toBeUndefined()
    expect((await auditLines(ls)).at(-1)).toBe('password reset (command line) {"user":"eva@example.org"}')
  })

  it('refuses an unknown e-mail address', async () => {
    await expect(accounts().resetPassword('nobody@example.org', CLI)).rejects.toThrow('No user with e-mail "nobody@example.org"')
  })
})

describe('the first admin', () => {
  it('is created when there is no admin, once', async () => {
    const first = await accounts().ensureAdmin('admin@localhost')
    expect(first?.account).toMatchObject({ email: 'admin@localhost', role: 'admin' })
    expect(await accounts().ensureAdmin('admin@localhost')).toBeUndefined()
    expect(await auditLines(ls)).toEqual(['user added (start-up) {"user":"admin@localhost","role":"admin"}'])
  })

  it('is not created when another admin exists', async () => {
    await accounts().addUser({ email: 'boss@example.org', role: 'admin' }, CLI)
    expect(await accounts().ensureAdmin('admin@localhost')).toBeUndefined()
  })

  it('explains when its address already belongs to another kind of account', async () => {
    await accounts().addUser({ email: 'admin@localhost', role: 'evaluator', programmes: ['north'] }, CLI)
    await expect(accounts().ensureAdmin('admin@localhost')).rejects.toThrow(
      'There is no admin account, and admin@localhost already has an account (role: evaluator): set LINKSCORE_ADMIN_EMAIL to another address',
    )
  })
})

describe('disabling accounts and changing roles', () => {
  it('raises the session generation at each change, and lets an admin go only while another admin can sign in', async () => {
    const { account: lead } = await accounts().addUser({ email: 'lead@example.org', role: 'admin' }, CLI)
    const { account: second } = await accounts().addUser({ email: 'second@example.org', role: 'admin' }, CLI)
    const generation = async (id: number) => (await ls.repos.staffUsers.findById(id))!.sessionGeneration
    await accounts().changeRole({ email: 'second@example.org', role: 'evaluator', programmes: ['north'] }, CLI)
    await expect(accounts().disableUser('lead@example.org', CLI)).rejects.toThrow('lead@example.org is the only admin who can sign in')
    await accounts().changeRole({ email: 'second@example.org', role: 'admin' }, CLI)
    await accounts().disableUser('lead@example.org', CLI)
    await expect(accounts().changeRole({ email: 'second@example.org', role: 'steering', practices: ['N1'] }, CLI)).rejects.toThrow(
      'second@example.org is the only admin who can sign in',
    )
    await accounts().enableUser('lead@example.org', CLI)
    expect([await generation(lead.id), await generation(second.id)]).toEqual([lead.sessionGeneration + 2, second.sessionGeneration + 2])
    expect((await auditLines(ls)).slice(2)).toEqual([
      'role changed (command line) {"user":"second@example.org","before":"admin","after":"evaluator (north)"}',
      'role changed (command line) {"user":"second@example.org","before":"evaluator (north)","after":"admin"}',
      'user disabled (command line) {"user":"lead@example.org","before":"enabled","after":"disabled"}',
      'user enabled (command line) {"user":"lead@example.org","before":"disabled","after":"enabled"}',
    ])
  })
})

describe('what an evaluator may do with accounts', () => {
  beforeEach(async () => {
    await ls.services.admin.addProgramme({ slug: 'south', name: 'South PCN' })
    await ls.services.admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })
  })
  const evaluator = async () => {
    const { account } = await accounts().addUser({ email: 'eva@example.org', role: 'evaluator', programmes: ['north'] }, CLI)
    return { id: account.id, email: account.email, role: account.role, programmeIds: [1], practiceIds: [] }
  }

  it('refuses a steering member for another programme’s practice, and any other role, creating nothing', async () => {
    const eva = await evaluator()
    await expect(accounts().addUser({ email: 'x@example.org', role: 'steering', practices: ['S1'] }, eva)).rejects.toThrow(
      'Choose practices of your own programmes only',
    )
    await expect(accounts().addUser({ email: 'x@example.org', role: 'steering', practices: ['N1', 'S1'] }, eva)).rejects.toThrow(
      'Choose practices of your own programmes only',
    )
    await expect(accounts().addUser({ email: 'x@example.org', role: 'evaluator', programmes: ['north'] }, eva)).rejects.toThrow(
      'Choose steering group member: evaluators add and change steering group members only',
    )
    expect(await ls.repos.staffUsers.findByEmail('x@example.org')).toBeUndefined()
    const added = await accounts().addUser({ email: 'x@example.org', role: 'steering', practices: ['N1'] }, eva)
    expect(added.account).toMatchObject({ role: 'steering', mustChangePassword: true })
  })

  it('finds no account outside their reach: another programme’s steering member, or an admin', async () => {
    const eva = await evaluator()
    await accounts().addUser({ email: 'sue@example.org', role: 'steering', practices: ['S1'] }, CLI)
    await accounts().addUser({ email: 'boss@example.org', role: 'admin' }, CLI)
    await expect(accounts().resetPassword('sue@example.org', eva)).rejects.toBeInstanceOf(NotFoundError)
    await expect(accounts().disableUser('boss@example.org', eva)).rejects.toBeInstanceOf(NotFoundError)
    expect((await accounts().listAccounts(eva)).map((a) => a.account.email)).toEqual([])
  })
})
