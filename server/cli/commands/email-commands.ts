// invites email, invites remind and invites forget: the e-mail invitations page's three forms at the command line, on
// the same service. Like the page, they print counts only, never an address.
import { readFileSync } from 'node:fs'
import { type Command, Option } from 'commander'
import { ValidationError } from '../../errors.js'
import { PRESETTABLE_ROLES } from '../../survey/roles.js'
import { writeLine, type CliIo } from '../cli-io.js'
import { withLinkscore } from '../open-linkscore.js'
import type { Linkscore } from '../../boot.js'
import { COMMAND_LINE } from './wave-commands.js'

async function programmeWave({ services }: Linkscore, programmeSlug: string, waveSlug: string) {
  const programme = await services.admin.programme(programmeSlug)
  const { wave } = await services.waves.summary(programmeSlug, waveSlug)
  return { programme, wave }
}

function readAddresses(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    throw ValidationError.of('file', `Cannot read the file "${file}"`)
  }
}

const days = (text: string) => {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 90) throw ValidationError.of('days', 'Give --days as a whole number from 1 to 90')
  return Number(text)
}

export function addEmailCommands(invites: Command, io: CliIo): void {
  invites
    .command('email')
    .description("e-mail a practice's invitations, one for each address in the file (one a line, or comma-separated)")
    .requiredOption('--programme <slug>', 'programme')
    .requiredOption('--wave <slug>', 'wave')
    .requiredOption('--practice <code>', 'practice code')
    .requiredOption('--file <path>', 'a text or CSV file of e-mail addresses')
    .addOption(new Option('--role <role>', 'preset role, which skips the "About you" page').choices(PRESETTABLE_ROLES))
    .action((o: { programme: string; wave: string; practice: string; file: string; role?: string }) =>
      withLinkscore(io, async (ls) => {
        const { programme, wave } = await programmeWave(ls, o.programme, o.wave)
        const addresses = readAddresses(o.file)
        const result = await ls.services.emailInvitations.send(COMMAND_LINE, programme, wave, { practice: o.practice, addresses, role: o.role })
        writeLine(io.stdout, `${result.sent} invitations sent, ${result.bounced} refused by the mail server`)
      }),
    )

  invites
    .command('remind')
    .description('e-mail a reminder to each address whose invitation is unused or unfinished, unless reminded in the last --days days')
    .requiredOption('--programme <slug>', 'programme')
    .requiredOption('--wave <slug>', 'wave')
    .option('--days <n>', 'leave out anyone reminded in the last n days (1 to 90)', '7')
    .action((o: { programme: string; wave: string; days: string }) =>
      withLinkscore(io, async (ls) => {
        const { programme, wave } = await programmeWave(ls, o.programme, o.wave)
        const result = await ls.services.emailInvitations.remind(COMMAND_LINE, programme, wave, days(o.days))
        writeLine(io.stdout, `${result.sent} reminders sent, ${result.bounced} refused by the mail server`)
      }),
    )

  invites
    .command('forget')
    .description("delete a wave's e-mail addresses now (closing the wave deletes them too)")
    .requiredOption('--programme <slug>', 'programme')
    .requiredOption('--wave <slug>', 'wave')
    .action((o: { programme: string; wave: string }) =>
      withLinkscore(io, async (ls) => {
        const { programme, wave } = await programmeWave(ls, o.programme, o.wave)
        writeLine(io.stdout, `${await ls.services.emailInvitations.deleteAddresses(COMMAND_LINE, programme, wave)} addresses deleted`)
      }),
    )
}
