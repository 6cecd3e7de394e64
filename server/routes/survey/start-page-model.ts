// What the start page says about a survey before anyone answers.
import type { SurveyResponse } from '../../domain/response.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import type { Setting } from '../../questionnaires/definition-schema.js'
import { fillIntervention, minutesToComplete } from '../../questionnaires/questionnaire-model.js'
import type { SurveyLink } from '../../services/survey-service.js'
import { journeyUrl } from '../paths.js'
import { ukDateTimeFieldValue } from '../uk-time.js'
import { otherLanguageLinks } from './respondent-language.js'
import { studyDetailsModel, studyPrivacyPath } from './study-details.js'

export function startPageModel(link: SurveyLink, t: Translate, setting?: Setting | null) {
  const titles = link.questionnaires.map((q) => fillIntervention(q.title, link.intervention))
  return {
    title: link.wave.title,
    demo: link.programme.isDemo,
    programmeName: link.programme.name,
    practiceName: link.practice.name,
    intervention: link.intervention,
    minutes: minutesToComplete(link.questionnaires, setting),
    minGroupSize: link.programme.minPracticeN,
    runBy: link.programme.organisation ?? link.programme.name,
    study: studyDetailsModel(link.programme),
    privacyHref: studyPrivacyPath(link.programme, link.language),
    questionnaireTitles: titles,
    parts: t('survey:start.parts', { count: titles.length, titles: titles.join(t('survey:start.partsSeparator')) }),
    surveyLanguages: otherLanguageLinks(link.programme, link.language),
  }
}

/**
 * A survey this browser started earlier through the same open link. On a shared practice computer that is often someone
 * else's, so the page says when it was started and offers a new survey as readily as continuing.
 */
export function earlierResponseModel(response: SurveyResponse | undefined, format: Formats) {
  if (!response) return undefined
  // The day as UK clocks read it, as staff and respondents here live by them.
  const startedOn = format.date(ukDateTimeFieldValue(response.startedAt).slice(0, 10))
  return { submitted: response.status === 'submitted', href: journeyUrl(response.resumeToken), startedOn }
}
