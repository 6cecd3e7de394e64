// user list, add, password, disable, enable, role: staff accounts. A generated password is printed once; only its hash is stored.
// A new password, disabling and a new role end every session the account has.
import { type Command, Option } from 'commander'
import { STAFF_ROLES, type StaffRole } from '../../domain/staff-user.js'
import { writeLine, type CliIo } from '../cli-io.js'
import { withLinkscore } from '../open-linkscore.js'

const COMMAND_LINE = { kind: 'command line' } as const
const collect = (value: string, previous: string[]) => [...previous, value]

export function addUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('staff accounts for the results pages')
  user
    .command('list')
    .description('list staff accounts: e-mail, role and scope, whether they can sign in, last sign-in')
    .action(() =>
      withLinkscore(io, async ({ services }) => {
        const accounts = await services.staffAccounts.listAccounts()
        const rows = accounts.map((a) => [
          a.account.email,
          a.role,
          [
            a.account.disabledAt ? 'disabled' : 'can sign in',
            ...(a.signInWaitUntil ? [`sign-in wait until ${a.signInWaitUntil}`] : []),
            ...(a.account.mustChangePassword ? ['one-time password'] : []),
          ].join(', '),
          a.account.lastSignedInAt ?? 'never signed in',
        ])
        const table = [['e-mail', 'role and scope', 'status', 'last sign-in'], ...rows]
        const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)))
        for (const row of table) writeLine(io.stdout, row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
      }),
    )
  user
    .command('add')
    .description('add a staff account and print its password (shown only once)')
    .requiredOption('--email <address>', 'e-mail address they sign in with')
    .addOption(roleOption())
    .option('--programme <slug>', 'programme an evaluator covers (repeat for several)', collect, [])
    .option('--practice <code>', 'practice a steering group member covers (repeat for several)', collect, [])
    .action((o: { email: string; role: StaffRole; programme: string[]; practice: string[] }) =>
      withLinkscore(io, async ({ services }, baseUrl) => {
        const added = await services.staffAccounts.addUser({ email: o.email, role: o.role, programmes: o.programme, practices: o.practice }, COMMAND_LINE)
        writeLine(io.stdout, `added ${added.account.role} ${added.account.email}${added.scope.length ? ` (${added.scope.join(', ')})` : ''}`)
        printPassword(io, added.password, baseUrl)
      }),
    )

  user
    .command('password')
    .description('give a staff account a new password, print it (shown only once) and end any lock-out')
    .requiredOption('--email <address>', 'e-mail address of the account')
    .action((o: { email: string }) =>
      withLinkscore(io, async ({ services }, baseUrl) => {
        const password = await services.staffAccounts.resetPassword(o.email, COMMAND_LINE)
        writeLine(io.stdout, `new password for ${o.email.trim().toLowerCase()}`)
        printPassword(io, password, baseUrl)
      }),
    )

  user
    .command('disable')
    .description('stop a staff account signing in, and end its sessions')
    .requiredOption('--email <address>', 'e-mail address of the account')
    .action((o: { email: string }) =>
      withLinkscore(io, async ({ services }) => {
        const account = await services.staffAccounts.disableUser(o.email, COMMAND_LINE)
        writeLine(io.stdout, `disabled ${account.email}: it cannot sign in, and its sessions have ended`)
      }),
    )

  user
    .command('enable')
    .description('let a disabled staff account sign in again, with the password it had')
    .requiredOption('--email <address>', 'e-mail address of the account')
    .action((o: { email: string }) =>
      withLinkscore(io, async ({ services }) => {
        const account = await services.staffAccounts.enableUser(o.email, COMMAND_LINE)
        writeLine(io.stdout, `enabled ${account.email}`)
      }),
    )

  user
    .command('role')
    .description('give a staff account a new role and scope in place of the old, and end its sessions')
    .requiredOption('--email <address>', 'e-mail address of the account')
    .addOption(roleOption())
    .option('--programme <slug>', 'programme an evaluator covers (repeat for several)', collect, [])
    .option('--practice <code>', 'practice a steering group member covers (repeat for several)', collect, [])
    .action((o: { email: string; role: StaffRole; programme: string[]; practice: string[] }) =>
      withLinkscore(io, async ({ services }) => {
        const changed = await services.staffAccounts.changeRole({ email: o.email, role: o.role, programmes: o.programme, practices: o.practice }, COMMAND_LINE)
        writeLine(io.stdout, `${changed.account.email}: ${changed.before} → ${changed.after}; its sessions have ended`)
      }),
    )
}

const roleOption = () =>
  new Option('--role <role>', 'admin (everything), evaluator (whole programmes) or steering (single practices)').choices(STAFF_ROLES).makeOptionMandatory()

function printPassword(io: CliIo, password: string, baseUrl: string): void {
  writeLine(io.stdout, `password: ${password}`)
  writeLine(io.stdout, `Give it to them privately; it is not stored and cannot be shown again. They sign in at ${baseUrl}/sign-in`)
}
