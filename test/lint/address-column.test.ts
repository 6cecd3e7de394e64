// The e-mail addresses of invitations are read in one place only: like a lint rule, no other file of the server or its
// views names their column, and only the mail-sending service handles the type that carries them.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : /\.(ts|ejs|sql|json)$/.test(entry.name) ? [join(folder, entry.name)] : [],
  )
const SOURCES = [...filesUnder('server'), ...filesUnder('views')]
const naming = (text: string) => SOURCES.filter((file) => readFileSync(file, 'utf8').includes(text)).sort()

it('names the address column only in its repository, the schema and its migrations', () => {
  expect(naming('email_address')).toEqual([
    'server/data/migrations/postgres/016-invitation-addresses.sql',
    'server/data/migrations/sqlite/016-invitation-addresses.sql',
    'server/data/repositories/invitation-address-repository.ts',
    'server/data/schema.ts',
  ])
})

it('hands addresses to the e-mail service and nothing else: only it calls the repository methods that return them', () => {
  expect(naming('AddressedInvitation')).toEqual([
    'server/data/repository-interfaces.ts',
    'server/domain/invitation-address.ts',
    'server/services/email-invitation-service.ts',
  ])
  for (const method of ['.dueForReminder(', '.addMany(', '.alreadyHeld(']) {
    const callers = naming(`invitationAddresses${method}`)
    expect(callers, method).toEqual(['server/services/email-invitation-service.ts'])
  }
})
