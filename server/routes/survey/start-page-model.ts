// What the start page says about a survey before anyone answers.
import type { Setting } from '../../questionnaires/definition-schema.js'
import { SETTINGS } from '../../questionnaires/definition-schema.js'
import { itemsShownTo } from '../../questionnaires/questionnaire-model.js'
import type { SurveyLink } from '../../services/survey-service.js'

export const SECONDS_PER_ITEM = 7

export function minutesToComplete(link: SurveyLink, setting?: Setting | null): number {
  const settings = setting ? [setting] : SETTINGS
  const itemCounts = settings.map((s) => link.questionnaires.reduce((n, q) => n + itemsShownTo(q, s).length, 0))
  return Math.max(1, Math.ceil((Math.max(...itemCounts) * SECONDS_PER_ITEM) / 60))
}

export function startPageModel(link: SurveyLink, setting?: Setting | null) {
  return {
    title: link.wave.title,
    demo: link.programme.isDemo,
    programmeName: link.programme.name,
    practiceName: link.practice.name,
    intervention: link.programme.intervention,
    minutes: minutesToComplete(link, setting),
    minGroupSize: link.programme.minPracticeN,
    questionnaireTitles: link.questionnaires.map((q) => q.title.replaceAll('{intervention}', link.programme.intervention)),
  }
}
