// A practice's overall score on a questionnaire: the plain mean of its top-level scale scores.
import type { Band } from '../questionnaires/definition-schema.js'
import { bandFor } from './bands.js'
import type { WaveScores } from './score-wave.js'

export interface WithheldOverall {
  practiceCode: string
  withheld: true
}

export interface ShownOverall {
  practiceCode: string
  withheld: false
  /** Mean of the practice's top-level scale scores (0–100), every one of them shown. */
  score: number
  band: string
}

export type OverallResult = WithheldOverall | ShownOverall

/**
 * One row per practice in `scores`, in its order. Overall = the unweighted mean of the practice's
 * scores (0–100) on the questionnaire's top-level scales (the four dimensions, or the four
 * constructs), summed in the definition's order; withheld when any of those is withheld, so it
 * never rests on a withheld figure. Its band comes from the questionnaire's bands.
 */
export function overallScores(scores: WaveScores, bands: readonly Band[]): OverallResult[] {
  const topLevel = new Set(scores.scales.filter((s) => s.scalePath.length === 1).map((s) => s.scale))
  const byPractice = new Map<string, (number | null)[]>()
  for (const row of scores.practices) {
    if (!topLevel.has(row.scale)) continue
    const list = byPractice.get(row.practiceCode) ?? []
    list.push(row.withheld ? null : row.score)
    byPractice.set(row.practiceCode, list)
  }
  return [...byPractice].map(([practiceCode, list]): OverallResult => {
    if (list.length === 0 || list.some((s) => s === null)) return { practiceCode, withheld: true }
    const score = (list as number[]).reduce((sum, s) => sum + s, 0) / list.length
    return { practiceCode, withheld: false, score, band: bandFor(bands, score) }
  })
}
