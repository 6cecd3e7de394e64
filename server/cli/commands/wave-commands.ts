// wave list, wave edit, wave copy: the same service methods as the waves pages.
import type { Command } from 'commander'
import { dayText, type Wave } from '../../domain/wave.js'
import { writeLine, type CliIo } from '../cli-io.js'
import { withLinkscore } from '../open-linkscore.js'

export const COMMAND_LINE = { kind: 'command line' } as const

const ids = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
const day = (d: string | null) => (d ? dayText(d) : '–')
/** An empty value clears a date; no value keeps it. */
const dateOption = (given: string | undefined) => (given === undefined ? undefined : given.trim() || null)
const describe = (w: Wave) => `${w.slug} (${w.status}): ${w.title}, opens ${day(w.opensOn)}, closes ${day(w.closesOn)}; ${w.questionnaireIds.join(', ')}`

export function addWaveCommands(wave: Command, io: CliIo): void {
  wave
    .command('list')
    .description("list a programme's waves in order, with their counts")
    .requiredOption('--programme <slug>', 'programme')
    .action((o: { programme: string }) =>
      withLinkscore(io, async ({ services }) => {
        for (const { wave: w, activity } of await services.waves.list(await services.admin.programme(o.programme)))
          writeLine(io.stdout, `${describe(w)}; ${activity.submitted} submitted, ${activity.invitations} invitations`)
      }),
    )

  wave
    .command('edit')
    .description("change a wave's title or dates, or its questionnaires while it has no answers")
    .requiredOption('--programme <slug>', 'programme')
    .requiredOption('--wave <slug>', 'wave')
    .option('--title <title>', 'title shown to respondents')
    .option('--opens <date>', 'first day it takes responses, YYYY-MM-DD ("" for none)')
    .option('--closes <date>', 'last day it takes responses, YYYY-MM-DD ("" for none)')
    .option('--questionnaires <ids>', 'questionnaire ids in order, comma-separated')
    .action((o: { programme: string; wave: string; title?: string; opens?: string; closes?: string; questionnaires?: string }) =>
      withLinkscore(io, async ({ services }) => {
        const w = await services.waves.edit(COMMAND_LINE, o.programme, o.wave, {
          title: o.title,
          opensOn: dateOption(o.opens),
          closesOn: dateOption(o.closes),
          questionnaires: o.questionnaires === undefined ? undefined : ids(o.questionnaires),
        })
        writeLine(io.stdout, `changed wave ${describe(w)}`)
      }),
    )

  wave
    .command('copy')
    .description("add a wave with another wave's questionnaires")
    .requiredOption('--programme <slug>', 'programme')
    .requiredOption('--from <slug>', 'the wave to copy')
    .requiredOption('--slug <slug>', 'short name of the new wave, e.g. six-months')
    .requiredOption('--title <title>', 'title shown to respondents')
    .option('--opens <date>', 'first day it takes responses, YYYY-MM-DD')
    .option('--closes <date>', 'last day it takes responses, YYYY-MM-DD')
    .action((o: { programme: string; from: string; slug: string; title: string; opens?: string; closes?: string }) =>
      withLinkscore(io, async ({ services }) => {
        const w = await services.waves.copy(
          COMMAND_LINE,
          { programme: o.programme, wave: o.from },
          { slug: o.slug, title: o.title, opensOn: o.opens, closesOn: o.closes },
        )
        writeLine(io.stdout, `added wave ${describe(w)}`)
      }),
    )
}
