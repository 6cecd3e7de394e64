// Who responded to a practice's survey and who was invited: the counts the scorecard shows.
import type { Setting } from '../questionnaires/definition-schema.js'

/** Submitted responses of a practice in a wave, grouped by setting and by how they came in. */
export interface SubmittedCount {
  setting: Setting
  /** The role the invitation preset; null for open links and invitations without a role. */
  presetRole: string | null
  viaInvitation: boolean
  n: number
}

export interface InvitationCount {
  presetRole: string | null
  n: number
}

/** Submitted responses per setting; a setting nobody answered from is absent. */
export function countsBySetting(submitted: readonly SubmittedCount[]): Map<Setting, number> {
  const counts = new Map<Setting, number>()
  for (const c of submitted) counts.set(c.setting, (counts.get(c.setting) ?? 0) + c.n)
  return counts
}
