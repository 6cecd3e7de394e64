// user add, user password: staff accounts. Each prints a generated password once; only its hash is stored.
import { type Command, Option } from 'commander'
import { STAFF_ROLES, type StaffRole } from '../../domain/staff-user.js'
import { writeLine, type CliIo } from '../cli-io.js'
import { withLinkscore } from '../open-linkscore.js'

const COMMAND_LINE = { kind: 'command line' } as const
const collect = (value: string, previous: string[]) => [...previous, value]

export function addUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('staff accounts for the results pages')
  user
    .command('add')
    .description('add a staff account and print its password (shown only once)')
    .requiredOption('--email <address>', 'e-mail address they sign in with')
    .addOption(
      new Option('--role <role>', 'admin (everything), evaluator (whole programmes) or steering (single practices)').choices(STAFF_ROLES).makeOptionMandatory(),
    )
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
}

function printPassword(io: CliIo, password: string, baseUrl: string): void {
  writeLine(io.stdout, `password: ${password}`)
  writeLine(io.stdout, `Give it to them privately; it is not stored and cannot be shown again. They sign in at ${baseUrl}/sign-in`)
}
