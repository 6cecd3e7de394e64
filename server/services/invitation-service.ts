// Personal invitations as a practice uses them: the mail-merge list of a wave, and the short code a person types at
// /code instead of the link on their letter.
import type { Repositories } from '../data/repository-interfaces.js'
import type { InvitationListing } from '../domain/invitation.js'
import type { Wave } from '../domain/wave.js'
import { ValidationError } from '../errors.js'
import { normaliseShortCode, shortCodeProblem } from '../survey/short-codes.js'
import { newShortCode } from './tokens.js'

const CODE_MESSAGES = {
  missing: 'survey:code.errors.missing',
  length: 'survey:code.errors.length',
  characters: 'survey:code.errors.characters',
} as const

export function createInvitationService(repos: Pick<Repositories, 'invitations'>) {
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
