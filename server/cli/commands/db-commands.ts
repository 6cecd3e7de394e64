// db copy: a whole database from SQLite to PostgreSQL or back, so a study started on a laptop can move to a server.
import type { Command } from 'commander'
import { openDatabase, type DatabaseTarget } from '../../data/database.js'
import { copyDatabase } from '../../data/copy-database.js'
import { writeLine, type CliIo } from '../cli-io.js'

/** A postgres:// URL, or else the path of a SQLite file (relative to the working folder). */
function databaseTarget(io: CliIo, value: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value }
  return { kind: 'sqlite', path: value.startsWith('/') ? value : `${io.cwd}/${value}` }
}

export function addDbCommands(program: Command, io: CliIo): void {
  program
    .command('db')
    .description('the database as a whole')
    .command('copy')
    .description('copy every row into a new, empty database (SQLite file or postgres:// URL), then check the copy')
    .requiredOption('--from <database>', 'a SQLite file, or postgres://user:password@host:5432/name')
    .requiredOption('--to <database>', 'an empty (or not yet existing) database of either kind')
    .action(async (o: { from: string; to: string }) => {
      const from = await openDatabase(databaseTarget(io, o.from))
      try {
        const to = await openDatabase(databaseTarget(io, o.to))
        try {
          const report = await copyDatabase(from, to)
          const total = Object.values(report.rows).reduce((sum, n) => sum + n, 0)
          writeLine(io.stdout, `Copied ${total} rows from the ${from.description} to the ${to.description}:`)
          for (const [table, n] of Object.entries(report.rows)) writeLine(io.stdout, `  ${table.padEnd(22)} ${n}`)
          writeLine(io.stdout, `Row counts match, and so does the checksum of the answers (${report.answersChecksum}).`)
        } finally {
          await to.close()
        }
      } finally {
        await from.close()
      }
    })
}
