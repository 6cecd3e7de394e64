// How a wave's fieldwork is going, practice by practice: invitations made and used, responses started and sent.

export interface PracticeFieldwork {
  practiceId: number
  invitations: number
  /** Invitations someone has opened and started a response with. */
  invitationsUsed: number
  /** Responses not set aside, by how they came in: a personal invitation, or the open link (or synthetic). */
  startedViaInvitation: number
  startedOpen: number
  submittedViaInvitation: number
  submittedOpen: number
}

/** A practice's fieldwork before anyone is invited or answers. */
export const NO_FIELDWORK: Readonly<Omit<PracticeFieldwork, 'practiceId'>> = Object.freeze({
  invitations: 0,
  invitationsUsed: 0,
  startedViaInvitation: 0,
  startedOpen: 0,
  submittedViaInvitation: 0,
  submittedOpen: 0,
})

export interface DayCount {
  /** A calendar day in UTC, YYYY-MM-DD. */
  day: string
  n: number
}

/** The share of invitations that led to a sent response; undefined without invitations. */
export function responseRate(f: Pick<PracticeFieldwork, 'invitations' | 'submittedViaInvitation'>): number | undefined {
  return f.invitations > 0 ? f.submittedViaInvitation / f.invitations : undefined
}
