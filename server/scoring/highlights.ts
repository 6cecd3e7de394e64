// Which scales a practice's scorecard names as its strengths and its priorities, so the scorecard and whatever acts
// on its priorities (the demo's action plan) agree on them.
import type { ShownPracticeScale } from './practice-scores.js'
import type { WaveScores } from './score-wave.js'

/** Up to this many strengths, and as many priorities. */
export const HIGHLIGHTS = 3

export interface Highlights {
  strengths: ShownPracticeScale[]
  priorities: ShownPracticeScale[]
  /** How many scales of the lowest level the practice has shown (not withheld). */
  shown: number
}

/**
 * Strengths: the highest-scoring shown scales of the lowest level (of `levels`); priorities: the lowest. Up to three
 * each, and never the same scale in both: with fewer than six shown, each list takes half (ties keep the definition's order).
 */
export function practiceHighlights(scores: Pick<WaveScores, 'practices'>, practiceCode: string, levels: number): Highlights {
  const shown = scores.practices.filter((r): r is ShownPracticeScale => r.practiceCode === practiceCode && r.scalePath.length === levels && !r.withheld)
  const count = Math.min(HIGHLIGHTS, Math.floor(shown.length / 2))
  return {
    strengths: [...shown].sort((a, b) => b.score - a.score).slice(0, count),
    priorities: [...shown].sort((a, b) => a.score - b.score).slice(0, count),
    shown: shown.length,
  }
}
