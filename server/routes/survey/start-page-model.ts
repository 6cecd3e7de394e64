// What the start page says about a survey before anyone answers.
import type { Setting } from '../../questionnaires/definition-schema.js'
import { minutesToComplete } from '../../questionnaires/questionnaire-model.js'
import type { SurveyLink } from '../../services/survey-service.js'

export function startPageModel(link: SurveyLink, setting?: Setting | null) {
  return {
    title: link.wave.title,
    demo: link.programme.isDemo,
    programmeName: link.programme.name,
    practiceName: link.practice.name,
    intervention: link.programme.intervention,
    minutes: minutesToComplete(link.questionnaires, setting),
    minGroupSize: link.programme.minPracticeN,
    questionnaireTitles: link.questionnaires.map((q) => q.title.replaceAll('{intervention}', link.programme.intervention)),
  }
}
