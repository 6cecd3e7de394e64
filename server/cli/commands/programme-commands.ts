// programme list, edit, archive and restore: the same service methods as the programmes pages. An unknown short name
// is looked up first, so the error lists the programmes there are rather than the web's "page not found".
import type { Command } from 'commander'
import type { Programme } from '../../domain/programme.js'
import { languageFromTag } from '../../i18n/languages.js'
import { describeChanges, interventionField } from '../../services/programme-service.js'
import { writeLine, type CliIo } from '../cli-io.js'
import { withLinkscore } from '../open-linkscore.js'
import { COMMAND_LINE } from './wave-commands.js'

interface EditOptions {
  slug: string
  name?: string
  intervention?: string
  minPracticeN?: string
  minBreakdownN?: string
  organisation?: string
  contact?: string
  approvalReference?: string
  retention?: string
  studyInformation?: string
  languages?: string
  interventionIn?: string[]
}

/** `--intervention-in nl="welzijn op recept"` as the field the programme form has for it. */
function interventionNamesGiven(pairs: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=')
      const language = languageFromTag(pair.slice(0, Math.max(at, 0)))
      return [language ? interventionField(language) : `intervention-${pair.slice(0, Math.max(at, 0)) || '?'}`, pair.slice(at + 1)]
    }),
  )
}

const describe = (p: Programme) =>
  `${p.slug}: ${p.name}${p.isDemo ? ' (demo)' : ''}${p.archivedAt ? `, archived ${p.archivedAt.slice(0, 10)}` : ''}; intervention "${p.intervention}", smallest practice group ${p.minPracticeN}, smallest breakdown group ${p.minBreakdownN}; organisation ${p.organisation ?? '(none)'}; languages ${p.languages.join(' ')}`

export function addProgrammeCommands(programme: Command, io: CliIo): void {
  programme
    .command('list')
    .description('list the programmes, archived ones marked')
    .action(() =>
      withLinkscore(io, async ({ services }) => {
        for (const p of await services.programmes.list()) writeLine(io.stdout, describe(p))
      }),
    )

  programme
    .command('edit')
    .description("change a programme's details; options left out keep their values, and an empty one clears an optional detail")
    .requiredOption('--slug <slug>', 'programme')
    .option('--name <name>', 'full name')
    .option('--intervention <text>', 'what item text calls the intervention')
    .option('--min-practice-n <n>', 'smallest practice group that gets scores')
    .option('--min-breakdown-n <n>', 'smallest setting or role group shown on its own')
    .option('--organisation <name>', 'organisation running the study')
    .option('--contact <text>', 'who respondents can ask, with an e-mail address or telephone number')
    .option('--approval-reference <text>', 'ethics or approval reference, e.g. IRAS 312345')
    .option('--retention <text>', 'how long answers are kept, e.g. "until the end of 2028, then deleted"')
    .option('--study-information <text>', 'privacy and ethics text shown to respondents')
    .option('--languages <tags>', 'languages respondents can answer in, the default first, e.g. "nl en-GB"')
    .option('--intervention-in <language=name...>', 'what the intervention is called in another language, e.g. nl="welzijn op recept"')
    .action(({ slug, interventionIn, ...given }: EditOptions) =>
      withLinkscore(io, async ({ services }) => {
        const current = await services.admin.programme(slug)
        const { interventionNames, ...rest } = current
        const kept = {
          ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null)),
          ...Object.fromEntries(Object.entries(interventionNames).map(([language, name]) => [interventionField(language as never), name])),
        }
        const changed = await services.programmes.edit(COMMAND_LINE, slug, { ...kept, ...given, ...interventionNamesGiven(interventionIn) })
        const changes = describeChanges(current, changed)
        writeLine(io.stdout, changes.length ? `changed programme ${slug}: ${changes.join('; ')}` : `programme ${slug} unchanged`)
      }),
    )

  programme
    .command('archive')
    .description('make a programme read-only and leave it out of lists, keeping its data (its waves must be closed)')
    .requiredOption('--slug <slug>', 'programme')
    .option('--confirm-slug <slug>', 'the short name again: needed to archive the demo programme')
    .action((o: { slug: string; confirmSlug?: string }) =>
      withLinkscore(io, async ({ services }) => {
        await services.admin.programme(o.slug)
        const p = await services.programmes.archive(COMMAND_LINE, o.slug, { confirmSlug: o.confirmSlug })
        writeLine(io.stdout, `archived programme ${describe(p)}`)
      }),
    )

  programme
    .command('restore')
    .description('bring an archived programme back into use')
    .requiredOption('--slug <slug>', 'programme')
    .action((o: { slug: string }) =>
      withLinkscore(io, async ({ services }) => {
        await services.admin.programme(o.slug)
        const p = await services.programmes.restore(COMMAND_LINE, o.slug)
        writeLine(io.stdout, `programme back in use: ${describe(p)}`)
      }),
    )
}
