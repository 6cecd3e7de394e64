// What respondents are told about who runs a study, on the start, confirmation and privacy pages alike.
import { defaultLanguage, type Programme } from '../../domain/programme.js'
import type { Language } from '../../i18n/languages.js'
import { withQuery } from '../paths.js'
import { languageQuery } from './respondent-language.js'

export const PRIVACY_PATH = '/privacy'

/** The privacy page with this programme's study details on it, in the language of the page that links to it. */
export const studyPrivacyPath = (programme: Pick<Programme, 'slug' | 'languages'>, language: Language) =>
  withQuery(PRIVACY_PATH, { programme: programme.slug, ...languageQuery(programme, language) })

/** The study's own texts, as its staff entered them in the programme's default language, shown so in every language. */
export function studyDetailsModel(programme: Programme) {
  return {
    /** The language its staff wrote these in; pages in another mark them with it. */
    writtenIn: defaultLanguage(programme),
    runBy: programme.organisation ?? programme.name,
    contact: programme.contact,
    approvalReference: programme.approvalReference,
    retention: programme.retention,
    /** The programme's own privacy and ethics text, a paragraph per line. */
    paragraphs: (programme.studyInformation ?? '')
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean),
  }
}
export type StudyDetails = ReturnType<typeof studyDetailsModel>
