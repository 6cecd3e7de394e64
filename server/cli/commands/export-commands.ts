// export answers, responses, codebook, scores, scale-stats, item-stats, change and actions: CSV on standard output.
import { Option, type Command } from 'commander'
import type { Linkscore } from '../../boot.js'
import { UsageError } from '../../errors.js'
import { writeTable } from '../../exports/csv.js'
import { SETTINGS, type Setting } from '../../questionnaires/definition-schema.js'
import type { ExportRequest } from '../../services/export-service.js'
import type { CliIo } from '../cli-io.js'
import { withLinkscore } from '../open-linkscore.js'
import { holdYoungGeneration } from '../young-generation.js'

/** The exports read practice by practice (ExportScores). */
const SCORE_EXPORTS = new Set<ExportRequest['kind']>(['scores', 'scale-stats', 'change'])

/** A wave by slug; the programme is needed only when several programmes use the same wave slug. */
export async function findWave({ repos, services }: Linkscore, waveSlug: string, programmeSlug?: string) {
  if (programmeSlug) return services.admin.wave(programmeSlug, waveSlug)
  const matches = []
  for (const p of await repos.programmes.list()) {
    const w = await repos.waves.findBySlug(p.id, waveSlug)
    if (w) matches.push({ programme: p, wave: w })
  }
  if (matches.length === 0) throw new UsageError(`No wave "${waveSlug}" in any programme`)
  if (matches.length > 1)
    throw new UsageError(`Several programmes have a wave "${waveSlug}" (${matches.map((m) => m.programme.slug).join(', ')}): add --programme`)
  return matches[0]!.wave
}

/** One wave, or with `--wave all` every wave of the programme, in the programme's order. */
async function findWaves(ls: Linkscore, waveSlug: string, programmeSlug?: string) {
  if (waveSlug !== 'all') return [await findWave(ls, waveSlug, programmeSlug)]
  if (!programmeSlug) throw new UsageError('--wave all needs --programme: the programme whose waves to export')
  const waves = await ls.repos.waves.listByProgramme((await ls.services.admin.programme(programmeSlug)).id)
  if (waves.length === 0) throw new UsageError(`Programme "${programmeSlug}" has no waves`)
  return waves
}

export function addExportCommands(program: Command, io: CliIo): void {
  const exportCommand = program.command('export').description('CSV exports on standard output')
  const write = (build: (ls: Linkscore) => Promise<ExportRequest>) =>
    withLinkscore(io, async (ls) => {
      const request = await build(ls)
      if (io.ownProcess && SCORE_EXPORTS.has(request.kind)) holdYoungGeneration()
      const table = await ls.services.exports.table(request)
      return writeTable(io.stdout, table)
    })
  const weighting = () =>
    new Option('--weighting <kind>', 'practice mean: of respondents, or of the setting-group means').choices(['respondents', 'settings']).default('respondents')
  type WaveOptions = { wave: string; programme?: string; includePartial: boolean }
  type ScoreOptions = { wave: string; programme?: string; weighting: 'respondents' | 'settings' }

  exportCommand
    .command('answers')
    .description('one row per stored answer (long format); submitted responses only unless --include-partial')
    .requiredOption('--wave <slug>', 'wave, or "all" for every wave of --programme in wave order')
    .option('--programme <slug>', 'programme, when several have this wave (and always with --wave all)')
    .option('--include-partial', 'include responses not yet submitted', false)
    .action((o: WaveOptions) => write(async (ls) => ({ kind: 'answers', waves: await findWaves(ls, o.wave, o.programme), includePartial: o.includePartial })))
  exportCommand
    .command('responses')
    .description(
      'one row per response, one column per item (wide format; a multi-choice item has one 0/1 column per option); submitted responses only unless --include-partial',
    )
    .requiredOption('--wave <slug>', 'wave, or "all" for every wave of --programme in wave order')
    .option('--programme <slug>', 'programme, when several have this wave (and always with --wave all)')
    .option('--include-partial', 'include responses not yet submitted', false)
    .action((o: WaveOptions) => write(async (ls) => ({ kind: 'responses', waves: await findWaves(ls, o.wave, o.programme), includePartial: o.includePartial })))
  exportCommand
    .command('scores')
    .description('one row per practice × questionnaire × scale; figures below the minimum group size are withheld')
    .requiredOption('--wave <slug>', 'wave')
    .option('--programme <slug>', 'programme, when several have this wave')
    .addOption(weighting())
    .action((o: ScoreOptions) => write(async (ls) => ({ kind: 'scores', wave: await findWave(ls, o.wave, o.programme), weighting: o.weighting })))
  exportCommand
    .command('scale-stats')
    .description('one row per questionnaire × scale: ICC(1), ICC(2), alpha and the programme median, best and worst')
    .requiredOption('--wave <slug>', 'wave')
    .option('--programme <slug>', 'programme, when several have this wave')
    .addOption(weighting())
    .action((o: ScoreOptions) => write(async (ls) => ({ kind: 'scale-stats', wave: await findWave(ls, o.wave, o.programme), weighting: o.weighting })))
  exportCommand
    .command('item-stats')
    .description('instrument quality: one row per questionnaire × scale (alpha and its CI, omega, mean inter-item r), then one per item of it')
    .requiredOption('--wave <slug>', 'wave')
    .option('--programme <slug>', 'programme, when several have this wave')
    .addOption(new Option('--setting <setting>', 'only the respondents of one setting').choices([...SETTINGS]))
    .action((o: { wave: string; programme?: string; setting?: Setting }) =>
      write(async (ls) => ({ kind: 'item-stats', wave: await findWave(ls, o.wave, o.programme), setting: o.setting })),
    )
  exportCommand
    .command('change')
    .description("one row per practice × scale: the change in mean between two waves and Welch's t-test")
    .requiredOption('--from <slug>', 'earlier wave')
    .requiredOption('--to <slug>', 'later wave')
    .option('--programme <slug>', 'programme, when several have these waves')
    .addOption(weighting())
    .action((o: { from: string; to: string; programme?: string; weighting: 'respondents' | 'settings' }) =>
      write(async (ls) => {
        const from = await findWave(ls, o.from, o.programme)
        const to = await findWave(ls, o.to, o.programme)
        if (from.programmeId !== to.programmeId) throw new UsageError('--from and --to must be waves of the same programme: add --programme')
        if (from.id === to.id) throw new UsageError('--from and --to name the same wave')
        return { kind: 'change', from, to, weighting: o.weighting }
      }),
    )
  exportCommand
    .command('codebook')
    .description('one row per item: type, text, scale, codes and labels')
    .action(() => write(async () => ({ kind: 'codebook' })))
  exportCommand
    .command('actions')
    .description("one row per action a practice's steering group agreed for a scorecard priority, every wave of the programme")
    .requiredOption('--programme <slug>', 'programme')
    .action((o: { programme: string }) => write(async (ls) => ({ kind: 'actions', programme: await ls.services.admin.programme(o.programme) })))
}
