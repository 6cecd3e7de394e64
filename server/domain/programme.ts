// A programme: the practices evaluated together, and the small-number rules their reports keep to.
export interface Programme {
  id: number
  slug: string
  name: string
  intervention: string
  isDemo: boolean
  minPracticeN: number
  minBreakdownN: number
  /** Who runs the study, as respondents are told; null when not given. */
  organisation: string | null
  /** How to reach them: a name, an e-mail address or a telephone number. */
  contact: string | null
  /** Privacy and ethics text shown to respondents: an approval reference, how long answers are kept. */
  studyInformation: string | null
  /** The ethics or approval reference, e.g. "IRAS 312345"; null when not given. */
  approvalReference: string | null
  /** How long answers are kept, in words: "until the end of 2028, then deleted". */
  retention: string | null
  /** When it was archived (ISO-8601 UTC): read-only and left out of lists, its data kept. Null while in use. */
  archivedAt: string | null
}

/** What an administrator can change about a programme once it exists. */
export type ProgrammeDetails = Pick<
  Programme,
  'name' | 'intervention' | 'minPracticeN' | 'minBreakdownN' | 'organisation' | 'contact' | 'approvalReference' | 'retention' | 'studyInformation'
>

export interface NewProgramme {
  slug: string
  name: string
  intervention: string
  isDemo?: boolean
}
