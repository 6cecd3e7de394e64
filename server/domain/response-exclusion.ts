// Responses set aside from scoring by an evaluator: which ones, why, and whether the exclusion still holds.

/** Which responses an exclusion covers: those of one wave (and one practice, or all), started in [startedFrom, startedTo). */
export interface ExclusionCriteria {
  waveId: number
  /** Null: every practice of the wave. */
  practiceId: number | null
  /** UTC ISO-8601, inclusive. */
  startedFrom: string
  /** UTC ISO-8601, exclusive. */
  startedTo: string
  /** Only responses started through the practice's open link, not through personal invitations. */
  openLinkOnly: boolean
}

/** How many responses the criteria would set aside now (none already set aside by an exclusion in force is counted again). */
export interface ExclusionPreview {
  responses: number
  submitted: number
}

export interface ResponseExclusion extends ExclusionCriteria {
  id: number
  waveSlug: string
  waveTitle: string
  practiceCode: string | null
  reason: string
  excludedAt: string
  excludedBy: string | null
  restoredAt: string | null
  restoredBy: string | null
  /** Responses it set aside when it was made. */
  responses: number
}

export interface NewResponseExclusion extends ExclusionCriteria {
  reason: string
  excludedAt: string
  excludedBy: number | null
}
