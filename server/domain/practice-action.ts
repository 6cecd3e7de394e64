// An action a practice's steering group agreed for one of its priorities on a wave's scorecard: what will be done, by
// whom, and when it will be looked at again. The next wave's scorecard shows it beside the change in that scale.

/** Which priority an action answers: a scale of a questionnaire, on a practice's scorecard for a wave. */
export interface ActionPriority {
  practiceId: number
  waveId: number
  questionnaireId: string
  /** The scale's path joined with '/', e.g. 'coherence/differentiation'. */
  scale: string
}

/** What people type: the action, its owner (a name or a role) and the review date. */
export interface ActionText {
  action: string
  owner: string
  /** YYYY-MM-DD. */
  reviewOn: string
}

export interface PracticeAction extends ActionPriority, ActionText {
  id: number
  /** UTC ISO-8601. */
  recordedAt: string
  /** The e-mail address of who recorded it; null once their account is gone, or when the server recorded it (the demo's plan, at start-up). */
  recordedBy: string | null
  changedAt: string
  changedBy: string | null
}

/** A row of the actions export: the action with the codes of its practice and wave. */
export interface PracticeActionExportRow extends PracticeAction {
  practiceCode: string
  waveSlug: string
}

export interface ActionChange extends ActionText {
  at: string
  byUserId: number | null
}
