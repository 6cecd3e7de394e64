// programme add (and programme-commands.ts), practice add (and practice-commands.ts), wave add/open/close (and
// wave-commands.ts), invites create and export (and email-commands.ts).
import { type Command, Option } from 'commander'
import { writeCsv } from '../../exports/csv.js'
import { INVITATION_COLUMNS, invitationRows } from '../../exports/invitation-rows.js'
import { PRESETTABLE_ROLES } from '../../survey/roles.js'
import { writeLine, type CliIo } from '../cli-io.js'
import { withLinkscore } from '../open-linkscore.js'
import { addEmailCommands } from './email-commands.js'
import { findWave } from './export-commands.js'
import { addPracticeCommands } from './practice-commands.js'
import { addProgrammeCommands } from './programme-commands.js'
import { addWaveCommands, COMMAND_LINE } from './wave-commands.js'

export function addSetupCommands(program: Command, io: CliIo): void {
  const programme = program.command('programme').description('programmes of practices')
  programme
    .command('add')
    .description('add a programme')
    .requiredOption('--slug <slug>', 'short name used in links, e.g. north-pcn')
    .requiredOption('--name <name>', 'full name')
    .option('--intervention <text>', 'what item text calls the intervention', 'social prescribing')
    .action((o: { slug: string; name: string; intervention: string }) =>
      withLinkscore(io, async ({ services }) => {
        const p = await services.admin.addProgramme(o)
        writeLine(io.stdout, `added programme ${p.slug}: ${p.name}`)
      }),
    )
  addProgrammeCommands(programme, io)

  const practice = program.command('practice').description('GP practices')
  addPracticeCommands(practice, io)

  const wave = program.command('wave').description('survey waves (e.g. baseline, 6 months, 12 months)')
  wave
    .command('add')
    .description('add a wave to a programme')
    .requiredOption('--programme <slug>', 'programme')
    .requiredOption('--slug <slug>', 'short name used in links, e.g. baseline')
    .requiredOption('--title <title>', 'title shown to respondents')
    .requiredOption('--questionnaires <ids>', 'questionnaire ids in the order respondents meet them, comma-separated')
    .option('--opens <date>', 'first day it takes responses, YYYY-MM-DD')
    .option('--closes <date>', 'last day it takes responses, YYYY-MM-DD')
    .option('--open', 'open it now', false)
    .action((o: { programme: string; slug: string; title: string; questionnaires: string; opens?: string; closes?: string; open: boolean }) =>
      withLinkscore(io, async ({ services }) => {
        const w = await services.waves.add(COMMAND_LINE, {
          ...o,
          opensOn: o.opens,
          closesOn: o.closes,
          questionnaires: o.questionnaires
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        })
        writeLine(io.stdout, `added wave ${w.slug} (${w.status}): ${w.questionnaireIds.join(', ')}`)
      }),
    )
  for (const name of ['open', 'close'] as const) {
    wave
      .command(name)
      .description(`${name} a wave for responses`)
      .requiredOption('--programme <slug>', 'programme')
      .requiredOption('--wave <slug>', 'wave')
      .action((o: { programme: string; wave: string }) =>
        withLinkscore(io, async ({ services }) => {
          const w = await services.waves[name](COMMAND_LINE, o.programme, o.wave)
          writeLine(io.stdout, `wave ${w.slug} is ${w.status}`)
        }),
      )
  }
  addWaveCommands(wave, io)

  const invites = program.command('invites').description('personal invitation links')
  invites
    .command('export')
    .description("a wave's invitations as a mail-merge CSV: practice, preset role, link and short code (as the waves page gives it)")
    .requiredOption('--wave <slug>', 'wave')
    .option('--programme <slug>', 'programme, when several have a wave of this name')
    .action((o: { wave: string; programme?: string }) =>
      withLinkscore(io, async (ls, baseUrl) => {
        const wave = await findWave(ls, o.wave, o.programme)
        await writeCsv(io.stdout, INVITATION_COLUMNS, invitationRows(await ls.services.invitations.mailMergeList(wave), baseUrl))
      }),
    )
  invites
    .command('create')
    .description('create invitations and print one full link per line')
    .requiredOption('--wave <slug>', 'wave')
    .requiredOption('--practice <code>', 'practice code')
    .requiredOption('--count <n>', 'how many')
    .option('--programme <slug>', 'programme (checked against the practice)')
    .addOption(new Option('--role <role>', 'preset role, which skips the "About you" page').choices(PRESETTABLE_ROLES))
    .action((o: { wave: string; practice: string; count: string; programme?: string; role?: string }) =>
      withLinkscore(io, async ({ services }, baseUrl) => {
        for (const path of await services.admin.createInvitations(o)) writeLine(io.stdout, `${baseUrl}${path}`)
      }),
    )
  addEmailCommands(invites, io)
}
