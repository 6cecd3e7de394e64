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
}

/** What an administrator can change about a programme once it exists. */
export type ProgrammeDetails = Pick<Programme, 'name' | 'intervention' | 'minPracticeN' | 'minBreakdownN' | 'organisation' | 'contact' | 'studyInformation'>

export interface NewProgramme {
  slug: string
  name: string
  intervention: string
  isDemo?: boolean
}
