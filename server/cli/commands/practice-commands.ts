// practice add, list, edit, import and remove: the same service methods, and the same messages, as the practices pages.
import { readFileSync } from 'node:fs'
import { Option, type Command } from 'commander'
import { STAGE_LABELS } from '../../domain/practice.js'
import { ValidationError } from '../../errors.js'
import type { PracticeSummary } from '../../services/practice-service.js'
import type { ImportPlan } from '../../services/practice-import.js'
import { valueText } from '../../services/practice-fields.js'
import { writeLine, type CliIo } from '../cli-io.js'
import { withLinkscore } from '../open-linkscore.js'
import { COMMAND_LINE } from './wave-commands.js'

const OUTCOME = { add: 'add', change: 'change', unchanged: 'no change', refused: 'refused' } as const

/** `--stage baseline=piloting --stage six-months=embedding` → { baseline: 'piloting', … }. */
function stagesOf(given: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    given.map((s) => {
      const at = s.indexOf('=')
      if (at < 1) throw ValidationError.of('stage', `Give a stage as <wave>=<stage>, such as baseline=piloting (not "${s}")`)
      return [s.slice(0, at).trim(), s.slice(at + 1).trim()]
    }),
  )
}

function planLines(plan: ImportPlan): string[] {
  const lines = plan.rows.map((r) => `line ${r.line} ${r.code || '(no code)'}: ${OUTCOME[r.outcome]}${r.words.length ? `: ${r.words.join('; ')}` : ''}`)
  const { add, change, unchanged, refused } = plan.counts
  return [...lines, `${add} to add, ${change} to change, ${unchanged} unchanged, ${refused} refused`]
}

export function addPracticeCommands(practice: Command, io: CliIo): void {
  practice
    .command('list')
    .description("list a programme's practices with their context, and per wave the stage and responses sent")
    .requiredOption('--programme <slug>', 'programme')
    .action((o: { programme: string }) =>
      withLinkscore(io, async ({ services }) => {
        const programme = await services.practices.programme(o.programme)
        const waves = await services.practices.waves(programme)
        const describe = ({ practice: p, stages, submitted }: PracticeSummary) =>
          [
            `${p.code}: ${p.name}`,
            `list size ${valueText('listSize', p.listSize)}`,
            `quintile ${valueText('deprivationQuintile', p.deprivationQuintile)}`,
            valueText('rurality', p.rurality),
            `model ${valueText('spModel', p.spModel)}`,
            ...waves.map((w) => {
              const stage = stages.get(w.id)
              return `${w.slug} ${stage ? STAGE_LABELS[stage] : 'stage not recorded'}, ${submitted.get(w.id) ?? 0} sent`
            }),
          ].join('; ')
        for (const summary of await services.practices.list(programme)) writeLine(io.stdout, describe(summary))
      }),
    )

  practice
    .command('add')
    .description('add a practice to a programme')
    .requiredOption('--programme <slug>', 'programme')
    .requiredOption('--code <code>', 'practice code, e.g. its ODS code')
    .requiredOption('--name <name>', 'practice name')
    .option('--list-size <n>', 'registered patients')
    .option('--deprivation-quintile <n>', '1 (most deprived) to 5 (least deprived)')
    .addOption(new Option('--rurality <kind>', 'urban or rural'))
    .option('--model <text>', 'social prescribing model, in words')
    .option('--stage <wave=stage>', 'implementation stage at a wave, e.g. baseline=piloting (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .action(
      (o: {
        programme: string
        code: string
        name: string
        listSize?: string
        deprivationQuintile?: string
        rurality?: string
        model?: string
        stage: string[]
      }) =>
        withLinkscore(io, async ({ services }) => {
          await services.admin.programme(o.programme)
          const p = await services.practices.add(COMMAND_LINE, o.programme, {
            code: o.code,
            name: o.name,
            listSize: o.listSize,
            deprivationQuintile: o.deprivationQuintile,
            rurality: o.rurality,
            spModel: o.model,
            stages: stagesOf(o.stage),
          })
          writeLine(io.stdout, `added practice ${p.code}: ${p.name}`)
        }),
    )

  practice
    .command('edit')
    .description("change a practice's details or its stage at a wave (an empty value clears one)")
    .requiredOption('--code <code>', 'practice code')
    .option('--name <name>', 'practice name')
    .option('--list-size <n>', 'registered patients')
    .option('--deprivation-quintile <n>', '1 (most deprived) to 5 (least deprived)')
    .addOption(new Option('--rurality <kind>', 'urban or rural'))
    .option('--model <text>', 'social prescribing model, in words')
    .option('--stage <wave=stage>', 'implementation stage at a wave, e.g. baseline=piloting (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .action((o: { code: string; name?: string; listSize?: string; deprivationQuintile?: string; rurality?: string; model?: string; stage: string[] }) =>
      withLinkscore(io, async ({ services }) => {
        const p = await services.practices.edit(COMMAND_LINE, o.code, {
          name: o.name,
          listSize: o.listSize,
          deprivationQuintile: o.deprivationQuintile,
          rurality: o.rurality,
          spModel: o.model,
          stages: stagesOf(o.stage),
        })
        writeLine(io.stdout, `changed practice ${p.code}: ${p.name}`)
      }),
    )

  practice
    .command('import')
    .description('add and change practices from a CSV file (code,name,list_size,deprivation_quintile,rurality,sp_model)')
    .requiredOption('--programme <slug>', 'programme')
    .requiredOption('--file <path>', 'the CSV file')
    .option('--dry-run', 'print what it would do, and save nothing', false)
    .action((o: { programme: string; file: string; dryRun: boolean }) =>
      withLinkscore(io, async ({ services }) => {
        let bytes: Buffer
        try {
          bytes = readFileSync(o.file)
        } catch {
          throw ValidationError.of('file', `Cannot read the file "${o.file}"`)
        }
        const plan = await services.practices.previewImport(o.programme, bytes)
        for (const line of planLines(plan)) writeLine(io.stdout, line)
        if (o.dryRun) return writeLine(io.stdout, 'dry run: nothing saved')
        await services.practices.confirmImport(COMMAND_LINE, o.programme, bytes, plan.id)
        writeLine(io.stdout, `saved: ${plan.counts.add} added, ${plan.counts.change} changed`)
      }),
    )

  practice
    .command('remove')
    .description('remove a practice that has no responses (with its unused invitations and stages)')
    .requiredOption('--code <code>', 'practice code')
    .action((o: { code: string }) =>
      withLinkscore(io, async ({ services }) => {
        const p = await services.practices.remove(COMMAND_LINE, o.code)
        writeLine(io.stdout, `removed practice ${p.code}: ${p.name}`)
      }),
    )
}
