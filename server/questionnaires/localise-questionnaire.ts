import type { Questionnaire } from './definition-schema.js'
import { withQuestionnaireTexts } from './questionnaire-texts.js'
import { translationTexts, type Translation } from './translation-schema.js'

/**
 * The questionnaire as respondents in the translation's language read it: every person-facing text in that language,
 * ids, codes, settings and scoring unchanged, so answers, exports and scores are the same whichever language was used.
 * A text the translation lacks stays in the source language (the loader refuses incomplete translations).
 */
export function localiseQuestionnaire(questionnaire: Questionnaire, translation: Translation): Questionnaire {
  const texts = translationTexts(translation)
  return { ...withQuestionnaireTexts(questionnaire, (path, source) => texts.get(path) || source), language: translation.language }
}
