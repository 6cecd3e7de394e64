import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { boot } from '../../../server/boot.js'
import { verifyPassword } from '../../../server/services/passwords.js'
import { runCli } from '../../support/run-cli.js'
import { auditLines } from '../../support/staff-users.js'
import { FIXTURE_QUESTIONNAIRES, testDatabase } from '../../support/test-linkscore.js'

let folder: string
let database: Awaited<ReturnType<typeof testDatabase>>
let env: Record<string, string>
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'linkscore-cli-'))
  database = await testDatabase(folder)
  env = { ...database.env, LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES, LINKSCORE_BASE_URL: 'https://survey.example.org' }
  expect((await cli('programme', 'add', '--slug', 'north', '--name', 'North PCN')).code).toBe(0)
  expect((await cli('programme', 'add', '--slug', 'south', '--name', 'South PCN')).code).toBe(0)
  expect((await cli('practice', 'add', '--programme', 'north', '--code', 'B86001', '--name', 'Riverside')).code).toBe(0)
})
afterEach(async () => {
  await database.drop()
  rmSync(folder, { recursive: true, force: true })
})

const cli = (...args: string[]) => runCli(args, env)

/** Opens the CLI's database to look at what it stored. */
async function inDatabase<T>(look: (ls: Awaited<ReturnType<typeof boot>>) => Promise<T>): Promise<T> {
  const ls = await boot({ database: database.target, questionnairesFolder: FIXTURE_QUESTIONNAIRES })
  try {
    return await look(ls)
  } finally {
    await ls.repos.close()
  }
}

const PASSWORD_LINES =
  /^password: ([A-Za-z0-9_-]{24})\nGive it to them privately; it is not stored and cannot be shown again\. They sign in at https:\/\/survey\.example\.org\/sign-in\n$/

describe('linkscore user add', () => {
  it.each([
    { args: ['--role', 'admin'], first: 'added admin eva@example.org' },
    { args: ['--role', 'evaluator', '--programme', 'north', '--programme', 'south'], first: 'added evaluator eva@example.org (north, south)' },
    { args: ['--role', 'steering', '--practice', 'B86001'], first: 'added steering eva@example.org (B86001)' },
  ])('$first, printing a password that signs in and is stored only as a hash', async ({ args, first }) => {
    const result = await cli('user', 'add', '--email', 'Eva@Example.org', ...args)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const [line, ...rest] = result.stdout.split('\n')
    expect(line).toBe(first)
    const password = PASSWORD_LINES.exec(rest.join('\n'))![1]!
    const account = (await inDatabase((ls) => ls.repos.staffUsers.findByEmail('eva@example.org')))!
    expect(account.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/)
    expect(await verifyPassword(password, account.passwordHash)).toBe(true)
    expect((await inDatabase(auditLines)).at(-1)).toMatch(/^user added \(command line\) \{"user":"eva@example.org"/)
    expect(JSON.stringify(await inDatabase((ls) => ls.repos.auditLog.page(100, 0)))).not.toContain(password)
  })

  it.each([
    { args: ['--email', 'eva', '--role', 'admin'], message: 'email: enter an e-mail address, such as name@example.org' },
    { args: ['--email', 'eva@example.org', '--role', 'evaluator'], message: 'An evaluator needs a programme (and no practice): they see whole programmes' },
    {
      args: ['--email', 'eva@example.org', '--role', 'evaluator', '--practice', 'B86001'],
      message: 'An evaluator needs a programme (and no practice): they see whole programmes',
    },
    {
      args: ['--email', 'eva@example.org', '--role', 'steering'],
      message: 'A steering group member needs a practice (and no programme): they see single practices',
    },
    {
      args: ['--email', 'eva@example.org', '--role', 'steering', '--programme', 'north'],
      message: 'A steering group member needs a practice (and no programme): they see single practices',
    },
    {
      args: ['--email', 'eva@example.org', '--role', 'admin', '--programme', 'north'],
      message: 'An admin sees every programme and practice: leave out programme and practice',
    },
    { args: ['--email', 'eva@example.org', '--role', 'evaluator', '--programme', 'east'], message: 'No programme "east". Programmes: north, south' },
    { args: ['--email', 'eva@example.org', '--role', 'steering', '--practice', 'X1'], message: 'No practice with code "X1"' },
  ])('explains a mistake: $message', async ({ args, message }) => {
    expect(await cli('user', 'add', ...args)).toEqual({ code: 1, stdout: '', stderr: `linkscore: ${message}\n` })
  })

  it('refuses a second account with the same e-mail address', async () => {
    await cli('user', 'add', '--email', 'eva@example.org', '--role', 'admin')
    expect(await cli('user', 'add', '--email', 'EVA@example.org', '--role', 'admin')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'linkscore: A user with e-mail "eva@example.org" already exists\n',
    })
  })

  it.each([
    { args: ['user', 'add', '--role', 'admin'], stderr: "error: required option '--email <address>' not specified" },
    { args: ['user', 'add', '--email', 'eva@example.org'], stderr: "error: required option '--role <role>' not specified" },
    {
      args: ['user', 'add', '--email', 'eva@example.org', '--role', 'owner'],
      stderr: "error: option '--role <role>' argument 'owner' is invalid. Allowed choices are admin, evaluator, steering.",
    },
    { args: ['user', 'password'], stderr: "error: required option '--email <address>' not specified" },
    { args: ['user', 'remove'], stderr: "error: unknown command 'remove'" },
  ])('exits 2 with usage help for $stderr', async ({ args, stderr }) => {
    const result = await cli(...args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(stderr)
  })
})

describe('linkscore user password', () => {
  it('sets and prints a new password, which replaces the old one, and logs it', async () => {
    const old = PASSWORD_LINES.exec((await cli('user', 'add', '--email', 'eva@example.org', '--role', 'admin')).stdout.split('\n').slice(1).join('\n'))![1]!
    const result = await cli('user', 'password', '--email', 'Eva@example.org')
    expect(result.code).toBe(0)
    const [line, ...rest] = result.stdout.split('\n')
    expect(line).toBe('new password for eva@example.org')
    const password = PASSWORD_LINES.exec(rest.join('\n'))![1]!
    const hash = (await inDatabase((ls) => ls.repos.staffUsers.findByEmail('eva@example.org')))!.passwordHash
    expect([await verifyPassword(password, hash), await verifyPassword(old, hash)]).toEqual([true, false])
    expect((await inDatabase(auditLines)).at(-1)).toBe('password reset (command line) {"user":"eva@example.org"}')
  })

  it('explains an unknown e-mail address', async () => {
    expect(await cli('user', 'password', '--email', 'nobody@example.org')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'linkscore: No user with e-mail "nobody@example.org"\n',
    })
  })
})

describe('linkscore user disable, enable and role', () => {
  beforeEach(async () => {
    expect((await cli('user', 'add', '--email', 'lead@example.org', '--role', 'admin')).code).toBe(0)
    expect((await cli('user', 'add', '--email', 'eva@example.org', '--role', 'evaluator', '--programme', 'north')).code).toBe(0)
  })

  it('disables and enables an account, logging before and after', async () => {
    expect(await cli('user', 'disable', '--email', 'Eva@example.org')).toEqual({
      code: 0,
      stdout: 'disabled eva@example.org: it cannot sign in, and its sessions have ended\n',
      stderr: '',
    })
    expect((await inDatabase((ls) => ls.repos.staffUsers.findByEmail('eva@example.org')))!.disabledAt).not.toBeNull()
    expect(await cli('user', 'enable', '--email', 'eva@example.org')).toEqual({ code: 0, stdout: 'enabled eva@example.org\n', stderr: '' })
    expect((await inDatabase((ls) => ls.repos.staffUsers.findByEmail('eva@example.org')))!.disabledAt).toBeNull()
    expect((await inDatabase(auditLines)).slice(-2)).toEqual([
      'user disabled (command line) {"user":"eva@example.org","before":"enabled","after":"disabled"}',
      'user enabled (command line) {"user":"eva@example.org","before":"disabled","after":"enabled"}',
    ])
  })

  it('gives an account a new role and scope in place of the old, logging before and after', async () => {
    expect(await cli('user', 'role', '--email', 'eva@example.org', '--role', 'steering', '--practice', 'B86001')).toEqual({
      code: 0,
      stdout: 'eva@example.org: evaluator (north) → steering (B86001); its sessions have ended\n',
      stderr: '',
    })
    const { account, scope } = await inDatabase(async (ls) => {
      const account = (await ls.repos.staffUsers.findByEmail('eva@example.org'))!
      return { account, scope: await ls.repos.staffUsers.scope(account.id) }
    })
    expect([account.role, scope]).toEqual(['steering', { programmeIds: [], practiceIds: [1] }])
    expect((await inDatabase(auditLines)).at(-1)).toBe(
      'role changed (command line) {"user":"eva@example.org","before":"evaluator (north)","after":"steering (B86001)"}',
    )
  })

  it.each([
    { args: ['disable', '--email', 'nobody@example.org'], message: 'No user with e-mail "nobody@example.org"' },
    { args: ['enable', '--email', 'nobody@example.org'], message: 'No user with e-mail "nobody@example.org"' },
    { args: ['role', '--email', 'nobody@example.org', '--role', 'admin'], message: 'No user with e-mail "nobody@example.org"' },
    { args: ['enable', '--email', 'eva@example.org'], message: 'eva@example.org is not disabled' },
    {
      args: ['role', '--email', 'eva@example.org', '--role', 'steering'],
      message: 'A steering group member needs a practice (and no programme): they see single practices',
    },
    { args: ['role', '--email', 'eva@example.org', '--role', 'evaluator', '--programme', 'east'], message: 'No programme "east". Programmes: north, south' },
    {
      args: ['disable', '--email', 'lead@example.org'],
      message: 'lead@example.org is the only admin who can sign in, so it cannot be disabled: make another account admin first',
    },
    {
      args: ['role', '--email', 'lead@example.org', '--role', 'evaluator', '--programme', 'north'],
      message: 'lead@example.org is the only admin who can sign in, so it cannot be made evaluator: make another account admin first',
    },
  ])('explains a mistake and changes nothing: $message', async ({ args, message }) => {
    const before = await inDatabase(auditLines)
    expect(await cli('user', ...args)).toEqual({ code: 1, stdout: '', stderr: `linkscore: ${message}\n` })
    expect(await inDatabase(auditLines)).toEqual(before)
  })

  it('refuses to disable an account twice', async () => {
    await cli('user', 'disable', '--email', 'eva@example.org')
    expect(await cli('user', 'disable', '--email', 'eva@example.org')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'linkscore: eva@example.org is already disabled\n',
    })
  })

  it.each([
    { args: ['user', 'disable'], stderr: "error: required option '--email <address>' not specified" },
    { args: ['user', 'enable'], stderr: "error: required option '--email <address>' not specified" },
    { args: ['user', 'role', '--email', 'eva@example.org'], stderr: "error: required option '--role <role>' not specified" },
    {
      args: ['user', 'role', '--email', 'eva@example.org', '--role', 'owner'],
      stderr: "error: option '--role <role>' argument 'owner' is invalid. Allowed choices are admin, evaluator, steering.",
    },
  ])('exits 2 with usage help for $stderr', async ({ args, stderr }) => {
    const result = await cli(...args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(stderr)
  })
})

describe('user list', () => {
  it('prints each account: e-mail, role and scope in words, status, last sign-in', async () => {
    expect((await cli('user', 'add', '--email', 'eva@example.org', '--role', 'evaluator', '--programme', 'north', '--programme', 'south')).code).toBe(0)
    expect((await cli('user', 'add', '--email', 'sam@example.org', '--role', 'steering', '--practice', 'B86001')).code).toBe(0)
    expect((await cli('user', 'disable', '--email', 'sam@example.org')).code).toBe(0)
    const listed = await cli('user', 'list')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toBe(
      [
        'e-mail           role and scope            status                          last sign-in',
        'eva@example.org  evaluator (north, south)  can sign in, one-time password  never signed in',
        'sam@example.org  steering (B86001)         disabled, one-time password     never signed in',
        '',
      ].join('\n'),
    )
  })
})
