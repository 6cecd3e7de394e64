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
