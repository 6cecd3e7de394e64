// A programme: the practices evaluated together, and the small-number rules their reports keep to.
import { SOURCE_LANGUAGE, type Language } from '../i18n/languages.js'

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
  /** The languages respondents may answer in, the programme's default first; never empty. */
  languages: Language[]
  /** The intervention's name in the programme's other languages ("welzijn op recept"); `intervention` is the default's. */
  interventionNames: Partial<Record<Language, string>>
}

/** What an administrator can change about a programme once it exists. */
export type ProgrammeDetails = Pick<
  Programme,
  | 'name'
  | 'intervention'
  | 'minPracticeN'
  | 'minBreakdownN'
  | 'organisation'
  | 'contact'
  | 'approvalReference'
  | 'retention'
  | 'studyInformation'
  | 'languages'
  | 'interventionNames'
>

export interface NewProgramme {
  slug: string
  name: string
  intervention: string
  isDemo?: boolean
}

export function defaultLanguage(programme: Pick<Programme, 'languages'>): Language {
  return programme.languages[0] ?? SOURCE_LANGUAGE
}

/** The language a respondent is served in: the one asked for when the programme offers it, else the programme's default. */
export function languageFor(programme: Pick<Programme, 'languages'>, ...asked: (Language | undefined)[]): Language {
  return asked.find((language): language is Language => language !== undefined && programme.languages.includes(language)) ?? defaultLanguage(programme)
}

/** The intervention's name as respondents in that language read it. */
export function interventionIn(programme: Pick<Programme, 'languages' | 'intervention' | 'interventionNames'>, language: Language): string {
  return language === defaultLanguage(programme) ? programme.intervention : (programme.interventionNames[language] ?? programme.intervention)
}
