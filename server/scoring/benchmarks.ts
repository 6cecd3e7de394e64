// Programme benchmarks per scale among the practices whose score is shown: median, best, worst, ranks.
import { median } from './descriptive.js'

/** Scores closer than this are treated as tied (floating-point noise, not a real difference). */
export const TIE_TOLERANCE = 1e-9

export interface Benchmarks {
  median: number
  best: number
  worst: number
}

export function benchmarks(scores: readonly number[]): Benchmarks | null {
  if (scores.length === 0) return null
  return { median: median(scores), best: Math.max(...scores), worst: Math.min(...scores) }
}

/**
 * Competition ranks, 1 = highest score; tied scores share the better rank and the next rank skips
 * (scores 80, 80, 70 → ranks 1, 1, 3). Returned in the order of the input.
 */
export function competitionRanks(scores: readonly number[]): number[] {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!)
  const ranks = new Array<number>(scores.length)
  order.forEach((index, position) => {
    const previous = order[position - 1]
    const tied = previous !== undefined && scores[previous]! - scores[index]! <= TIE_TOLERANCE
    ranks[index] = tied ? ranks[previous]! : position + 1
  })
  return ranks
}
