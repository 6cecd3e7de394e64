// Generates one synthetic respondent's answers from a practice's profile.
import { SOURCE_LANGUAGE, type Language } from '../i18n/languages.js'
import type { Item, Questionnaire, Setting } from '../questionnaires/definition-schema.js'
import { itemTypeFor } from '../questionnaires/item-types/item-type-registry.js'
import { sectionsShownTo } from '../questionnaires/questionnaire-model.js'
import type { AnswerProfile } from './demo-profiles.js'
import { DEMO_TEXT_ANSWERS } from './demo-profiles.js'
import type { SeededRandom } from './seeded-random.js'

export interface SyntheticPage {
  sectionId: string
  itemIds: string[]
  answers: { itemId: string; value: string }[]
}

/** `language`: what the free text is written in, the response's language. */
export function syntheticPages(
  questionnaire: Questionnaire,
  setting: Setting,
  profile: AnswerProfile,
  random: SeededRandom,
  language: Language = SOURCE_LANGUAGE,
): SyntheticPage[] {
  const respondentShift = random.normal(0, profile.spread)
  const level = (item: Item): number => {
    const scoring = itemTypeFor(item).scoring(item)
    const top = scoring.role === 'scale' ? scoring.scale[0]! : ''
    return (profile.byScale[top] ?? profile.base) + respondentShift
  }
  return sectionsShownTo(questionnaire, setting).map((section) => ({
    sectionId: section.id,
    itemIds: section.items.map((i) => i.id),
    answers: section.items.flatMap((item) =>
      itemTypeFor(item)
        .synthetic(item, { level: level(item), random, textAnswers: DEMO_TEXT_ANSWERS[language] })
        .map((value) => ({ itemId: item.id, value })),
    ),
  }))
}
