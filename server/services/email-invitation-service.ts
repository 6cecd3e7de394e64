// Invitations by e-mail: a practice's addresses become invitations, each sent its personal link, and reminders go to
// those not yet finished. The addresses are kept apart (invitation-address-repository.ts), shown only as counts,
// audited only as counts, and deleted when the wave closes or a coordinator asks.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { isUniqueViolation } from '../data/unique-violation.js'
import { parseAddressList, type AddressProblem } from '../domain/address-list.js'
import type { AddressCounts, AddressedInvitation } from '../domain/invitation-address.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { ConflictError, ValidationError } from '../errors.js'
import type { Message } from '../i18n/translate.js'
import { isTakingResponses } from '../survey/wave-availability.js'
import { createAuditService, type AuditActor, type AuditDetail } from './audit-service.js'
import { invitationEmail } from './invitation-email.js'
import type { MailSender } from './mail-sender.js'
import { createWithShortCodes } from './new-invitations.js'
import { ensureWritable } from './writable-programme.js'

/** At most this many addresses at once: a practice's staff, with room to spare. */
export const MOST_ADDRESSES = 500
const DAY_MS = 86_400_000

export interface EmailInvitationRequest {
  practice: string
  /** The list as pasted or uploaded. */
  addresses: string
  role?: string
}

/** What a batch of messages came to: accepted by the SMTP server, or refused by it. */
export interface SendResult {
  sent: number
  bounced: number
}

export interface MailSettings {
  /** Undefined when LINKSCORE_SMTP_URL is unset: nothing is sent. */
  sender: MailSender | undefined
  baseUrl: string
}

function problemMessage(problem: AddressProblem): Message {
  switch (problem.kind) {
    case 'empty':
      return { key: 'study:emailInvitations.errors.addressesMissing' }
    case 'tooMany':
      return { key: 'study:emailInvitations.errors.tooMany', values: { count: problem.count, most: problem.most } }
    case 'notAnAddress':
      return { key: 'study:emailInvitations.errors.notAnAddress', values: { line: problem.line, text: problem.text } }
    case 'duplicate':
      return { key: 'study:emailInvitations.errors.duplicate', values: { line: problem.line, text: problem.text, first: problem.firstLine } }
  }
}

export const SMTP_NOT_CONFIGURED = new ConflictError(
  { key: 'study:emailInvitations.notConfigured.title' },
  { key: 'study:emailInvitations.notConfigured.text' },
)

export function createEmailInvitationService(repos: Repositories, clock: Clock, mail: MailSettings) {
  const audit = (trx: Repositories, actor: AuditActor, action: Parameters<ReturnType<typeof createAuditService>['audit']>[1], detail: AuditDetail) =>
    createAuditService(trx, clock).audit(actor, action, detail)

  function senderFor(programme: Programme, wave: Wave, field: string): MailSender {
    ensureWritable(programme)
    if (!mail.sender) throw SMTP_NOT_CONFIGURED
    if (!isTakingResponses(wave, clock.now().toISOString().slice(0, 10)))
      throw ValidationError.of(field, { key: 'study:emailInvitations.errors.waveNotTaking', values: { wave: wave.title } })
    return mail.sender
  }

  /** Sends each its message, one after another, and records which went through; a refusal is a bounce, not an error. */
  async function sendAll(programme: Programme, wave: Wave, sender: MailSender, addressed: AddressedInvitation[], reminder: boolean): Promise<SendResult> {
    const result = { sent: 0, bounced: 0 }
    for (const a of addressed) {
      const at = clock.now().toISOString()
      const accepted = await sender.send({ to: a.address, ...invitationEmail(programme, wave, a, { baseUrl: mail.baseUrl, reminder }) }).then(
        () => true,
        () => false,
      )
      if (!accepted) {
        await repos.invitationAddresses.markBounced(a.id, at)
        result.bounced++
        continue
      }
      await repos.invitationAddresses.markSent(a.id, at)
      if (reminder) await repos.invitationAddresses.markReminded(a.id, at)
      result.sent++
    }
    return result
  }

  /** The invitations, their addresses and the audit line, in one transaction; tried again whole should a short code be drawn twice. */
  async function createAddressed(
    actor: AuditActor,
    programme: Programme,
    wave: Wave,
    practice: { id: number; code: string },
    addresses: string[],
    role?: string,
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await repos.transaction(async (trx) => {
          const made = await createWithShortCodes(trx, wave.id, practice.id, addresses.length, role ?? null)
          const addressed = await trx.invitationAddresses.addMany(
            wave.id,
            made.map((m, i) => ({ token: m.token, address: addresses[i]! })),
          )
          const detail = {
            programme: programme.slug,
            wave: wave.slug,
            practice: practice.code,
            count: addresses.length,
            emailed: true,
            ...(role ? { role } : {}),
          }
          await audit(trx, actor, 'invitations created', detail)
          return addressed
        })
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error
      }
    }
  }

  return {
    /** Whether an SMTP server is configured: without one, the page offers nothing to send. */
    configured: mail.sender !== undefined,

    /** The wave's address list in counts, by practice. */
    counts: (wave: Wave): Promise<AddressCounts[]> => repos.invitationAddresses.counts(wave.id),

    /** One invitation per address, each sent its link; the first mistake in the list is named by its line. */
    async send(actor: AuditActor, programme: Programme, wave: Wave, request: EmailInvitationRequest): Promise<SendResult> {
      const sender = senderFor(programme, wave, 'addresses')
      const practice = (await repos.practices.listByProgramme(programme.id)).find((p) => p.code === request.practice)
      if (!practice) throw ValidationError.of('practice', { key: 'study:invitations.errors.practiceUnknown' })
      const parsed = parseAddressList(request.addresses, MOST_ADDRESSES)
      if ('problem' in parsed) throw ValidationError.of('addresses', problemMessage(parsed.problem))
      const held = new Set(
        await repos.invitationAddresses.alreadyHeld(
          wave.id,
          parsed.addresses.map((a) => a.address),
        ),
      )
      const again = parsed.addresses.find((a) => held.has(a.address))
      if (again)
        throw ValidationError.of('addresses', { key: 'study:emailInvitations.errors.alreadyInvited', values: { line: again.line, text: again.address } })
      const addressed = await createAddressed(
        actor,
        programme,
        wave,
        practice,
        parsed.addresses.map((a) => a.address),
        request.role,
      )
      const result = await sendAll(programme, wave, sender, addressed, false)
      await audit(repos, actor, 'invitations e-mailed', { programme: programme.slug, wave: wave.slug, practice: practice.code, ...result })
      return result
    },

    /** A reminder to each address whose invitation has no sent response, unless reminded less than `days` days ago. */
    async remind(actor: AuditActor, programme: Programme, wave: Wave, days: number): Promise<SendResult> {
      const sender = senderFor(programme, wave, 'days')
      const remindedBefore = new Date(clock.now().getTime() - days * DAY_MS).toISOString()
      const due = await repos.invitationAddresses.dueForReminder(wave.id, remindedBefore)
      const result = await sendAll(programme, wave, sender, due, true)
      await audit(repos, actor, 'reminders e-mailed', { programme: programme.slug, wave: wave.slug, days, ...result })
      return result
    },

    /** Deletes the wave's addresses now, with their audit line; returns how many. */
    async deleteAddresses(actor: AuditActor, programme: Programme, wave: Wave): Promise<number> {
      ensureWritable(programme)
      return repos.transaction(async (trx) => {
        const deleted = await trx.invitationAddresses.removeByWave(wave.id)
        await audit(trx, actor, 'addresses deleted', { programme: programme.slug, wave: wave.slug, deleted })
        return deleted
      })
    },
  }
}
export type EmailInvitationService = ReturnType<typeof createEmailInvitationService>
