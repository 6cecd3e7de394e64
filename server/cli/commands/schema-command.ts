import type { Command } from 'commander'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { questionnaireJsonSchema, translationJsonSchema } from '../../questionnaires/json-schema.js'
import { writeLine, type CliIo } from '../cli-io.js'

export function addSchemaCommand(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('write questionnaires/schema.json and questionnaires/translation-schema.json from the schemas, for editors')
    .option('--out <path>', 'where to write the definition schema', 'questionnaires/schema.json')
    .option('--translation-out <path>', 'where to write the translation schema', 'questionnaires/translation-schema.json')
    .action((opts: { out: string; translationOut: string }) => {
      writeFileSync(resolve(io.cwd, opts.out), `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`)
      writeLine(io.stdout, `wrote ${opts.out}`)
      writeFileSync(resolve(io.cwd, opts.translationOut), `${JSON.stringify(translationJsonSchema(), null, 2)}\n`)
      writeLine(io.stdout, `wrote ${opts.translationOut}`)
    })
}
