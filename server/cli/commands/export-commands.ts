// export answers, export codebook.
import type { Command } from 'commander'
import { UsageError } from '../../errors.js'
import { ANSWER_COLUMNS, CODEBOOK_COLUMNS } from '../../services/export-service.js'
import type { CliIo } from '../cli-io.js'
import { writeCsv } from '../csv.js'
import { withLinkscore } from '../open-linkscore.js'
import type { Linkscore } from '../../boot.js'
import { Option } from 'commander'
import { CHANGE_COLUMNS, changeRow, SCALE_STATS_COLUMNS, scaleStatsRow, SCORE_COLUMNS, scoreRow } from '../score-rows.js'

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
  const weighting = () =>
    new Option('--weighting <kind>', 'practice mean: of respondents, or of the setting-group means').choices(['respondents', 'settings']).default('respondents')
  exportCommand
    .command('scores')
    .description('one row per practice × questionnaire × scale; figures below the minimum group size are withheld')
    .requiredOption('--wave <slug>', 'wave')
    .option('--programme <slug>', 'programme, when several have this wave')
    .addOption(weighting())
    .action((o: { wave: string; programme?: string; weighting: 'respondents' | 'settings' }) =>
      withLinkscore(io, (ls) => {
        const wave = findWave(ls, o.wave, o.programme)
        const scores = ls.services.scoring.scoreWave(ls.repos.programmes.findById(wave.programmeId)!, wave, o.weighting)
        return writeCsv(io.stdout, SCORE_COLUMNS, scores.flatMap((s) => s.practices).map(scoreRow))
      }),
    )
  exportCommand
    .command('scale-stats')
    .description('one row per questionnaire × scale: ICC(1), ICC(2), alpha and the programme median, best and worst')
    .requiredOption('--wave <slug>', 'wave')
    .option('--programme <slug>', 'programme, when several have this wave')
    .addOption(weighting())
    .action((o: { wave: string; programme?: string; weighting: 'respondents' | 'settings' }) =>
      withLinkscore(io, (ls) => {
        const wave = findWave(ls, o.wave, o.programme)
        const scores = ls.services.scoring.scoreWave(ls.repos.programmes.findById(wave.programmeId)!, wave, o.weighting)
        return writeCsv(io.stdout, SCALE_STATS_COLUMNS, scores.flatMap((s) => s.scaleStats).map(scaleStatsRow))
      }),
    )
  exportCommand
    .command('change')
    .description("one row per practice × scale: the change in mean between two waves and Welch's t-test")
    .requiredOption('--from <slug>', 'earlier wave')
    .requiredOption('--to <slug>', 'later wave')
    .option('--programme <slug>', 'programme, when several have these waves')
    .addOption(weighting())
    .action((o: { from: string; to: string; programme?: string; weighting: 'respondents' | 'settings' }) =>
      withLinkscore(io, (ls) => {
        const from = findWave(ls, o.from, o.programme)
        const to = findWave(ls, o.to, o.programme)
        if (from.programmeId !== to.programmeId) throw new UsageError('--from and --to must be waves of the same programme: add --programme')
        const rows = ls.services.scoring.compare(ls.repos.programmes.findById(to.programmeId)!, from, to, o.weighting)
        return writeCsv(io.stdout, CHANGE_COLUMNS, rows.map(changeRow))
      }),
    )
  exportCommand
    .command('codebook')
    .description('one row per item: type, text, scale, codes and labels')
    .action(() => withLinkscore(io, (ls) => writeCsv(io.stdout, CODEBOOK_COLUMNS, ls.services.exports.codebookRows())))
}
