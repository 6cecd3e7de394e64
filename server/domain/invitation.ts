// A personal invitation: one link for one person, to one practice's survey in one wave.
export interface Invitation {
  id: number
  waveId: number
  practiceId: number
  token: string
  presetRole: string | null
  usedAt: string | null
  /** Eight letters a person can type at /code instead of the link; see survey/short-codes.ts. */
  shortCode: string | null
}

/** A new invitation: its link's token and its short code. */
export interface NewInvitation {
  token: string
  shortCode: string
}

/** One line of a wave's mail-merge list. */
export interface InvitationListing {
  id: number
  practiceCode: string
  practiceName: string
  presetRole: string | null
  token: string
  shortCode: string | null
  usedAt: string | null
}
