// The actions export: one row per action a steering group agreed for a priority of its scorecard.
import type { PracticeActionExportRow } from '../domain/practice-action.js'

export const ACTION_COLUMNS = ['practice_code', 'wave', 'questionnaire', 'scale', 'action', 'owner', 'review_on', 'recorded_at', 'changed_at'] as const

/** Who recorded or changed an action is in the audit log, not in a file that leaves the service. */
export function actionRow(a: PracticeActionExportRow): Record<(typeof ACTION_COLUMNS)[number], string> {
  return {
    practice_code: a.practiceCode,
    wave: a.waveSlug,
    questionnaire: a.questionnaireId,
    scale: a.scale,
    action: a.action,
    owner: a.owner,
    review_on: a.reviewOn,
    recorded_at: a.recordedAt,
    changed_at: a.changedAt,
  }
}
