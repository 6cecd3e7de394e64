// What the start page says about a survey before anyone answers.
import type { Setting } from '../../questionnaires/definition-schema.js'
import { minutesToComplete } from '../../questionnaires/questionnaire-model.js'
import type { SurveyResponse } from '../../domain/response.js'
import type { SurveyLink } from '../../services/survey-service.js'
import { journeyUrl } from '../paths.js'
import { studyDetailsModel, studyPrivacyPath } from './study-details.js'

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })

export function startPageModel(link: SurveyLink, setting?: Setting | null) {
  return {
    title: link.wave.title,
    demo: link.programme.isDemo,
    programmeName: link.programme.name,
    practiceName: link.practice.name,
    intervention: link.programme.intervention,
    minutes: minutesToComplete(link.questionnaires, setting),
    minGroupSize: link.programme.minPracticeN,
    runBy: link.programme.organisation ?? link.programme.name,
    study: studyDetailsModel(link.programme),
    privacyHref: studyPrivacyPath(link.programme),
    questionnaireTitles: link.questionnaires.map((q) => q.title.replaceAll('{intervention}', link.programme.intervention)),
  }
}

/**
 * A survey this browser started earlier through the same open link. On a shared practice computer that is often someone
 * else's, so the page says when it was started and offers a new survey as readily as continuing.
 */
export function earlierResponseModel(response: SurveyResponse | undefined) {
  if (!response) return undefined
  return { submitted: response.status === 'submitted', href: journeyUrl(response.resumeToken), startedOn: DAY.format(new Date(response.startedAt)) }
}
