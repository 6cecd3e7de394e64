// How a wave is scored: weighting of practice means and the small-number thresholds.

export interface ScoringOptions {
  /** 'respondents': mean of respondent scores; 'settings': mean of the setting-group means. */
  weighting: 'respondents' | 'settings'
  /** A practice figure with fewer respondents than this is withheld (programme.min_practice_n). */
  minPracticeN: number
  /** A breakdown group (setting or role) with fewer respondents than this is withheld (programme.min_breakdown_n). */
  minBreakdownN: number
}

export const DEFAULT_SCORING_OPTIONS: Readonly<ScoringOptions> = Object.freeze({
  weighting: 'respondents',
  minPracticeN: 3,
  minBreakdownN: 5,
})

export function resolveScoringOptions(options: Partial<ScoringOptions> | undefined): ScoringOptions {
  const resolved = { ...DEFAULT_SCORING_OPTIONS, ...options }
  for (const key of ['minPracticeN', 'minBreakdownN'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 1) {
      throw new RangeError(`${key} must be a whole number of at least 1 (got ${resolved[key]})`)
    }
  }
  return resolved
}
