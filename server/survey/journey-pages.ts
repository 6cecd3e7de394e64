// The ordered pages of one person's survey, which depend on their setting.
import type { Questionnaire, Section, Setting } from '../questionnaires/definition-schema.js'
import { sectionsShownTo } from '../questionnaires/questionnaire-model.js'

export const ABOUT_YOU = 'about-you'

export type JourneyPage = { kind: 'about-you'; key: typeof ABOUT_YOU } | { kind: 'section'; key: string; questionnaire: Questionnaire; section: Section }

export function sectionPageKey(questionnaireId: string, sectionId: string): string {
  return `${questionnaireId}/${sectionId}`
}

/** The about-you page (unless the role was preset), then each questionnaire's sections shown to the setting. */
export function journeyPages(questionnaires: readonly Questionnaire[], setting: Setting | null, askAboutYou: boolean): JourneyPage[] {
  const pages: JourneyPage[] = askAboutYou ? [{ kind: 'about-you', key: ABOUT_YOU }] : []
  if (!setting) return pages
  for (const questionnaire of questionnaires) {
    for (const section of sectionsShownTo(questionnaire, setting)) {
      pages.push({ kind: 'section', key: sectionPageKey(questionnaire.id, section.id), questionnaire, section })
    }
  }
  return pages
}

/** Where a returning person continues: the first page they have not saved, or undefined when all are saved. */
export function firstUnsavedPage(pages: readonly JourneyPage[], saved: ReadonlySet<string>): JourneyPage | undefined {
  return pages.find((page) => !saved.has(page.key))
}
