import type { Command } from 'commander'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { questionnaireJsonSchema } from '../../questionnaires/json-schema.js'
import { writeLine, type CliIo } from '../cli-io.js'

export function addSchemaCommand(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('write questionnaires/schema.json from the definition schema, for editors')
    .option('--out <path>', 'where to write it', 'questionnaires/schema.json')
    .action((opts: { out: string }) => {
      writeFileSync(resolve(io.cwd, opts.out), `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`)
      writeLine(io.stdout, `wrote ${opts.out}`)
    })
}
