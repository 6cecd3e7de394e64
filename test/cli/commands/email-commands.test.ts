// invites email, remind and forget at the command line, with a real SMTP server: the same rules as the page, counts
// printed and audited, never an address.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { cliDatabase } from '../../support/cli-database.js'
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.js'

const smtpEnv: Record<string, string> = {}
const database = cliDatabase(smtpEnv)
const { cli, audit } = database
let smtp: TestSmtpServer
const WAVE = ['--programme', 'north', '--wave', 'spring']
const ADDRESSES = ['ann@alder.example.org', 'ben@alder.example.org', 'cat@alder.example.org']

beforeAll(async () => {
  smtp = await startSmtpServer()
  Object.assign(smtpEnv, { LINKSCORE_SMTP_URL: smtp.settings.url, LINKSCORE_MAIL_FROM: smtp.settings.from, LINKSCORE_BASE_URL: 'http://linkscore.test' })
})
afterAll(() => smtp.stop())

beforeEach(async () => {
  smtp.received.length = 0
  expect((await cli('programme', 'add', '--slug', 'north', '--name', 'North PCN')).code).toBe(0)
  expect((await cli('practice', 'add', '--programme', 'north', '--code', 'N1', '--name', 'Alder Surgery')).code).toBe(0)
  expect((await cli('wave', 'add', '--programme', 'north', '--slug', 'spring', '--title', 'Spring', '--questionnaires', 'pilot', '--open')).code).toBe(0)
})

const fileOf = (name: string, text: string) => {
  const path = join(database.folder, name)
  writeFileSync(path, text)
  return path
}

it('e-mails each address in the file its invitation, reminds them, and forgets them, printing and auditing counts only', async () => {
  const sent = await cli('invites', 'email', ...WAVE, '--practice', 'N1', '--file', fileOf('addresses.txt', ADDRESSES.join('\n')))
  expect(sent).toEqual({ code: 0, stdout: '3 invitations sent, 0 refused by the mail server\n', stderr: '' })
  expect(smtp.received.map((m) => m.to).sort()).toEqual(ADDRESSES)
  expect(smtp.received[0]!.text).toMatch(/Your personal link: http:\/\/linkscore\.test\/s\/[A-Za-z0-9_-]+\n/)
  expect(await cli('invites', 'remind', ...WAVE)).toEqual({ code: 0, stdout: '3 reminders sent, 0 refused by the mail server\n', stderr: '' })
  expect((await cli('invites', 'remind', ...WAVE, '--days', '1')).stdout).toBe('0 reminders sent, 0 refused by the mail server\n')
  expect(smtp.received.length).toBe(6)
  expect((await cli('invites', 'forget', ...WAVE)).stdout).toBe('3 addresses deleted\n')
  const lines = await audit()
  expect(lines.slice(-5)).toEqual([
    'invitations created (command line) {"programme":"north","wave":"spring","practice":"N1","count":3,"emailed":true}',
    'invitations e-mailed (command line) {"programme":"north","wave":"spring","practice":"N1","sent":3,"bounced":0}',
    'reminders e-mailed (command line) {"programme":"north","wave":"spring","days":7,"sent":3,"bounced":0}',
    'reminders e-mailed (command line) {"programme":"north","wave":"spring","days":1,"sent":0,"bounced":0}',
    'addresses deleted (command line) {"programme":"north","wave":"spring","deleted":3}',
  ])
  for (const address of ADDRESSES) expect(lines.join('\n')).not.toContain(address)
})

it.each([
  [['--file', 'ann@alder.example.org\nbob@'], "linkscore: Line 2: 'bob@' is not an e-mail address\n"],
  [['--practice-missing'], 'linkscore: Cannot read the file'],
])('names the mistake %j and sends nothing', async (args, message) => {
  const file = args[0] === '--file' ? fileOf('list.csv', args[1]!) : join(database.folder, 'missing.txt')
  const result = await cli('invites', 'email', ...WAVE, '--practice', 'N1', '--file', file)
  expect(result.code).toBe(1)
  expect(result.stderr).toContain(message)
  expect(smtp.received).toEqual([])
})

it('refuses --days outside 1 to 90', async () => {
  expect(await cli('invites', 'remind', ...WAVE, '--days', '0')).toEqual({
    code: 1,
    stdout: '',
    stderr: 'linkscore: Give --days as a whole number from 1 to 90\n',
  })
})
