// Practice-level summaries of respondent scores, and the result rows that carry them. A withheld row is
// built from identifiers alone, so it cannot carry a figure.
import { SETTINGS, type Setting } from '../questionnaires/definition-schema.js'
import { ascending, mean, sampleSd } from './descriptive.js'
import type { PlannedScale } from './scoring-plan.js'
import { tCritical95 } from './t-distribution.js'

export interface Interval {
  low: number
  high: number
}

/** Which scale a row is about; `scale` is the path joined with '/', e.g. 'coherence/differentiation'. */
export interface ScaleRef {
  questionnaire: string
  level: string
  scale: string
  scalePath: readonly string[]
  scaleName: string
}

export interface PracticeScaleRef extends ScaleRef {
  practiceCode: string
  wave: string
}

export interface WithheldPracticeScale extends PracticeScaleRef {
  withheld: true
}

export interface ShownPracticeScale extends PracticeScaleRef {
  withheld: false
  /** Respondents with a score on this scale. */
  n: number
  /** 1–5 practice mean (respondent-weighted, or the mean of setting means under 'settings' weighting). */
  mean: number
  /** 0–100: (mean − 1) / 4 × 100. */
  score: number
  /** Sample SD of respondent scores (1–5); null when n < 2. */
  sd: number | null
  /** 95% CI of the mean on 1–5, mean ± t(0.975, n − 1)·sd/√n; null when n < 2. Not clipped to 1–5. */
  ci: Interval | null
  /** The same interval on 0–100. */
  scoreCi: Interval | null
  /** rwg(J) within the practice; null when no item of the scale has two answers. */
  rwg: number | null
  /** J: items that entered rwg(J). */
  rwgItems: number
  /** rwg < 0.70; null when rwg is null. */
  lowAgreement: boolean | null
  band: string
  /** 1 = best among the practices shown for this scale; ties share the better rank. */
  rank: number
}

export type PracticeScaleResult = WithheldPracticeScale | ShownPracticeScale

/** Only a row's identifying fields: a row built from another row can then carry no figure by accident. */
export function identifyingFields(ref: ScaleRef): ScaleRef {
  return { questionnaire: ref.questionnaire, level: ref.level, scale: ref.scale, scalePath: ref.scalePath, scaleName: ref.scaleName }
}

export function scaleRef(scale: PlannedScale): ScaleRef {
  return { questionnaire: scale.questionnaire, level: scale.level, scale: scale.key, scalePath: scale.path, scaleName: scale.name }
}

/** The only way a withheld practice row is made: from identifiers, never from a summary. */
export function withheldPracticeScale(ref: ScaleRef, practiceCode: string, wave: string): WithheldPracticeScale {
  return {
    ...identifyingFields(ref),
    practiceCode,
    wave,
    withheld: true,
  }
}

export interface ScoreSummary {
  n: number
  mean: number
  sd: number | null
  ci: Interval | null
}

export function confidenceInterval(centre: number, sd: number, n: number): Interval {
  const half = (tCritical95(n - 1) * sd) / Math.sqrt(n)
  return { low: centre - half, high: centre + half }
}

/** Respondent-weighted: n, mean, sample SD and 95% CI of the scores. Summed in ascending order. */
export function summariseScores(scores: ArrayLike<number>): ScoreSummary {
  const sorted = ascending(scores)
  const n = sorted.length
  const m = mean(sorted)
  if (n < 2) return { n, mean: m, sd: null, ci: null }
  const sd = sampleSd(sorted)
  return { n, mean: m, sd, ci: confidenceInterval(m, sd, n) }
}

/**
 * Setting-balanced: the mean is the unweighted mean of the setting-group means (settings with at least
 * one score count once each). n is still the number of respondents with a score; SD is the sample SD of
 * all their scores; the CI is centred on the balanced mean with that SD and t(0.975, n − 1).
 */
export function summariseBySetting(scores: ReadonlyMap<Setting, readonly number[]>): ScoreSummary {
  const groupMeans: number[] = []
  const all: number[] = []
  for (const setting of SETTINGS) {
    const group = scores.get(setting)
    if (!group || group.length === 0) continue
    groupMeans.push(mean(ascending(group)))
    all.push(...group)
  }
  const respondents = summariseScores(all)
  const balanced = mean(groupMeans)
  if (respondents.sd === null) return { n: respondents.n, mean: balanced, sd: null, ci: null }
  return { n: respondents.n, mean: balanced, sd: respondents.sd, ci: confidenceInterval(balanced, respondents.sd, respondents.n) }
}
