// The review of a practice's free text: every answer the scorecard would show, grouped by question, each with a button
// to hide it from the scorecard (or show it again), and the hidden ones marked.
import type { Practice } from '../../domain/practice.js'
import type { Programme } from '../../domain/programme.js'
import { interventionIn } from '../../domain/programme.js'
import type { Wave } from '../../domain/wave.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import { fillIntervention } from '../../questionnaires/questionnaire-model.js'
import type { ReportWave, TextAnswerGroup } from '../../services/report-service.js'
import { freeTextReviewPath, practicePath } from '../paths.js'
import { textGroupWithheld } from '../reports/report-labels.js'
import { waveOptions } from '../reports/wave-options.js'

export interface TextReview {
  programme: Programme
  practice: Practice
  waves: ReportWave[]
  wave: Wave | null
  groups: TextAnswerGroup[] | null
}

export function freeTextReviewPageModel({ programme, practice, waves, wave, groups }: TextReview, { t, format }: { t: Translate; format: Formats }) {
  const path = freeTextReviewPath(programme.slug, practice.code)
  const intervention = interventionIn(programme, format.language)
  const scorecard = practicePath(programme.slug, practice.code) + (wave ? `?wave=${encodeURIComponent(wave.slug)}` : '')
  return {
    title: t('reports:freeTextReview.title'),
    caption: `${practice.name}${wave ? ` \u2013 ${wave.title}` : ''}`,
    backHref: scorecard,
    waveForm: { action: path, options: waveOptions(waves, wave, t) },
    readOnly: programme.archivedAt !== null,
    tooFew: groups === null ? t('reports:scorecard.freeText.withheld', { count: programme.minPracticeN }) : null,
    groups: (groups ?? []).map((group, g) => ({
      id: `question-${g + 1}`,
      heading: fillIntervention(group.text, intervention),
      withheld: textGroupWithheld(group.withheldFor, t, format),
      answers: group.answers.map((answer) => ({
        text: answer.text,
        language: answer.language,
        hidden: Boolean(answer.hidden),
        form: {
          action: `${path}/${answer.hidden ? 'show' : 'hide'}`,
          fields: { wave: wave!.slug, response: String(answer.responseId), questionnaire: group.questionnaireId, item: group.itemId },
          button: answer.hidden ? t('reports:freeTextReview.show') : t('reports:freeTextReview.hide'),
        },
      })),
    })),
  }
}
