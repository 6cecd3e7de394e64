// The linkscore command line: `npm run linkscore -- <command>` or the `linkscore` bin.
import { Command, CommanderError } from 'commander'
import { isUserError } from '../user-errors.js'
import { pathToFileURL } from 'node:url'
import { writeLine, type CliIo } from './cli-io.js'
import { addDbCommands } from './commands/db-commands.js'
import { addDemoCommands } from './commands/demo-commands.js'
import { addExportCommands } from './commands/export-commands.js'
import { addSchemaCommand } from './commands/schema-command.js'
import { addSetupCommands } from './commands/setup-commands.js'
import { addUserCommands } from './commands/user-commands.js'
import { addValidateCommand } from './commands/validate-command.js'

export function buildProgram(io: CliIo): Command {
  const program = new Command('linkscore')
    .description('Linkscore: surveys of how well social prescribing is embedded in general practice')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
  addValidateCommand(program, io)
  addSchemaCommand(program, io)
  addSetupCommands(program, io)
  addExportCommands(program, io)
  addUserCommands(program, io)
  addDbCommands(program, io)
  addDemoCommands(program, io)
  for (const command of allCommands(program))
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
      .showHelpAfterError('(add --help for usage)')
  return program
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)])
}

/** Runs one command line and returns the exit code: 0 done, 1 a user error (explained on stderr), 2 bad usage. */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), ownProcess: true },
): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2
    }
    if (isUserError(error)) {
      writeLine(io.stderr, `linkscore: ${error.message}`)
      return 1
    }
    throw error
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2))
}
