// Personal invitations as a practice uses them: the mail-merge list of a wave, and the short code a person types at
// /code instead of the link on their letter.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { isUniqueViolation } from '../data/unique-violation.js'
import type { InvitationListing, NewInvitation } from '../domain/invitation.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { ValidationError } from '../errors.js'
import { normaliseShortCode, shortCodeProblem } from '../survey/short-codes.js'
import { createAuditService, type AuditActor } from './audit-service.js'
import { createWithShortCodes } from './new-invitations.js'
import { newShortCode } from './tokens.js'
import { ensureWritable } from './writable-programme.js'

/** What the Waves page asks for: a practice of the programme by code, how many, and the role they share if any. */
export interface InvitationRequest {
  practice: string
  count: number
  role?: string
}

const CODE_MESSAGES = {
  missing: 'survey:code.errors.missing',
  length: 'survey:code.errors.length',
  characters: 'survey:code.errors.characters',
} as const

export function createInvitationService(repos: Repositories, clock: Clock) {
  /** An invitation made before short codes gets one, drawn again in the unlikely case that it is taken. */
  async function withShortCode(invitation: InvitationListing): Promise<InvitationListing> {
    if (invitation.shortCode) return invitation
    for (;;) {
      const shortCode = newShortCode()
      if (await repos.invitations.assignShortCode(invitation.id, shortCode)) return { ...invitation, shortCode }
      const now = (await repos.invitations.findById(invitation.id))!
      if (now.shortCode) return { ...invitation, shortCode: now.shortCode }
    }
  }

  return {
    /** The link's token of the invitation whose short code was typed; its problem, by the field `code`, when there is none. */
    async tokenForShortCode(typed: unknown): Promise<string> {
      const code = normaliseShortCode(typeof typed === 'string' ? typed : '')
      const problem = shortCodeProblem(code)
      if (problem) throw ValidationError.of('code', { key: CODE_MESSAGES[problem], values: { length: code.length } })
      const invitation = await repos.invitations.findByShortCode(code)
      if (!invitation) throw ValidationError.of('code', { key: 'survey:code.errors.unknown' })
      return invitation.token
    },

    /**
     * Makes the invitations and their audit line together. A short code drawn twice by chance fails the whole
     * transaction (PostgreSQL goes on with none of it), so it is tried again from the start.
     */
    async create(actor: AuditActor, programme: Programme, wave: Wave, request: InvitationRequest): Promise<NewInvitation[]> {
      ensureWritable(programme)
      const practice = (await repos.practices.listByProgramme(programme.id)).find((p) => p.code === request.practice)
      if (!practice) throw ValidationError.of('practice', { key: 'study:invitations.errors.practiceUnknown' })
      for (let attempt = 1; ; attempt++) {
        try {
          return await repos.transaction(async (trx) => {
            const made = await createWithShortCodes(trx, wave.id, practice.id, request.count, request.role ?? null)
            const detail = {
              programme: programme.slug,
              wave: wave.slug,
              practice: practice.code,
              count: request.count,
              ...(request.role ? { role: request.role } : {}),
            }
            await createAuditService(trx, clock).audit(actor, 'invitations created', detail)
            return made
          })
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 3) throw error
        }
      }
    },

    /** How the wave's fieldwork is going: invitations and responses by practice (and by setting within it), and responses sent by day. */
    async fieldwork(wave: Wave) {
      const [byPractice, byDay, bySetting] = await Promise.all([
        repos.fieldwork.byPractice(wave.id),
        repos.fieldwork.submittedByDay(wave.id),
        repos.fieldwork.countsByPractice(wave.id),
      ])
      return { byPractice, byDay, bySetting }
    },

    /** Every invitation of the wave, each with its short code. */
    async mailMergeList(wave: Wave): Promise<InvitationListing[]> {
      const listed = await repos.invitations.listByWave(wave.id)
      const coded: InvitationListing[] = []
      for (const invitation of listed) coded.push(await withShortCode(invitation))
      return coded
    },
  }
}
export type InvitationService = ReturnType<typeof createInvitationService>
