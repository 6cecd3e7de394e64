// New personal invitations, each with a link's token and a short code.
import type { Repositories } from '../data/repository-interfaces.js'
import type { NewInvitation } from '../domain/invitation.js'
import { isUniqueViolation } from '../data/unique-violation.js'
import { newShortCode, newToken } from './tokens.js'

/** Tries before giving up on short codes that happen to be taken: with a million invitations stored, about one batch of 20 in 5,000 needs a second. */
const TRIES = 3

/** Makes `count` invitations at once (all or none), drawing the short codes again should one already be taken. */
export async function createWithShortCodes(
  repos: Pick<Repositories, 'invitations'>,
  waveId: number,
  practiceId: number,
  count: number,
  presetRole: string | null,
): Promise<NewInvitation[]> {
  for (let attempt = 1; ; attempt++) {
    const invitations = Array.from({ length: count }, () => ({ token: newToken(), shortCode: newShortCode() }))
    if (new Set(invitations.map((i) => i.shortCode)).size < count) continue
    try {
      await repos.invitations.createMany(waveId, practiceId, invitations, presetRole)
      return invitations
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= TRIES) throw error
    }
  }
}
