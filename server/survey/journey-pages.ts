// The ordered pages of one person's survey, which depend on their setting.
import type { Questionnaire, Section, Setting } from '../questionnaires/definition-schema.js'
import { sectionsShownTo } from '../questionnaires/questionnaire-model.js'

export const ABOUT_YOU = 'about-you'

export type JourneyPage = { kind: 'about-you'; key: typeof ABOUT_YOU } | { kind: 'section'; key: string; questionnaire: Questionnaire; section: Section }

export function sectionPageKey(questionnaireId: string, sectionId: string): string {
  return `${questionnaireId}/${sectionId}`
}

type SectionPage = Extract<JourneyPage, { kind: 'section' }>

/**
 * A questionnaire's pages for a setting, made once per loaded questionnaire and setting, as every journey page asks for
 * them: they are shared, so frozen.
 */
const sectionPagesOf = new WeakMap<Questionnaire, Map<Setting, readonly SectionPage[]>>()

function sectionPages(questionnaire: Questionnaire, setting: Setting): readonly SectionPage[] {
  let bySetting = sectionPagesOf.get(questionnaire)
  if (!bySetting) sectionPagesOf.set(questionnaire, (bySetting = new Map()))
  let pages = bySetting.get(setting)
  if (!pages) {
    pages = Object.freeze(
      sectionsShownTo(questionnaire, setting).map((section) =>
        Object.freeze({
          kind: 'section' as const,
          key: sectionPageKey(questionnaire.id, section.id),
          questionnaire,
          section: Object.freeze({ ...section, items: Object.freeze(section.items) as Section['items'] }),
        }),
      ),
    )
    bySetting.set(setting, pages)
  }
  return pages
}

/** The about-you page (unless the role was preset), then each questionnaire's sections shown to the setting. */
export function journeyPages(questionnaires: readonly Questionnaire[], setting: Setting | null, askAboutYou: boolean): JourneyPage[] {
  const pages: JourneyPage[] = askAboutYou ? [{ kind: 'about-you', key: ABOUT_YOU }] : []
  if (!setting) return pages
  for (const questionnaire of questionnaires) pages.push(...sectionPages(questionnaire, setting))
  return pages
}

/** Where a returning person continues: the first page they have not saved, or undefined when all are saved. */
export function firstUnsavedPage(pages: readonly JourneyPage[], saved: ReadonlySet<string>): JourneyPage | undefined {
  return pages.find((page) => !saved.has(page.key))
}
