// export answers, export codebook.
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import { ANSWER_COLUMNS, CODEBOOK_COLUMNS } from '../../services/export-service.js'
import type { CliIo } from '../cli-io.js'
import { writeCsv } from '../csv.js'
import { withLinkscore } from '../open-linkscore.js'
import type { Linkscore } from '../../boot.js'

/** A wave by slug; the programme is needed only when several programmes use the same wave slug. */
export function findWave({ repos, services }: Linkscore, waveSlug: string, programmeSlug?: string) {
  if (programmeSlug) return services.admin.wave(programmeSlug, waveSlug)
  const matches = repos.programmes.list().flatMap((p) => {
    const w = repos.waves.findBySlug(p.id, waveSlug)
    return w ? [{ programme: p, wave: w }] : []
  })
  if (matches.length === 0) throw new UsageError(`No wave "${waveSlug}" in any programme`)
  if (matches.length > 1) throw new UsageError(`Several programmes have a wave "${waveSlug}" (${matches.map((m) => m.programme.slug).join(', ')}): add --programme`)
  return matches[0]!.wave
}

export function addExportCommands(program: Command, io: CliIo): void {
  const exportCommand = program.command('export').description('CSV exports on standard output')
  exportCommand
    .command('answers')
    .description('one row per stored answer (long format); submitted responses only unless --include-partial')
    .requiredOption('--wave <slug>', 'wave')
    .option('--programme <slug>', 'programme, when several have this wave')
    .option('--include-partial', 'include responses not yet submitted', false)
    .action((o: { wave: string; programme?: string; includePartial: boolean }) =>
      withLinkscore(io, (ls) => writeCsv(io.stdout, ANSWER_COLUMNS, ls.services.exports.answerRows(findWave(ls, o.wave, o.programme), o.includePartial))),
    )
  exportCommand
    .command('codebook')
    .description('one row per item: type, text, scale, codes and labels')
    .action(() => withLinkscore(io, (ls) => writeCsv(io.stdout, CODEBOOK_COLUMNS, ls.services.exports.codebookRows())))
}
