// The comparison's charts for a programme too large to draw practice by practice: how many practices' overall score
// falls in each range of 10 points (a bar chart and its table), and, beside the scatter of every practice, how many
// fall in each pair of 20-point ranges of its two scores. Scores are the rounded figures the table shows, so a
// practice's row and its range agree; withheld scores are counted apart.

/** Lower bounds of the ranges: 0–9, 10–19 … 90–100 (100 goes in the last). */
const TENS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]
const TWENTIES = [0, 20, 40, 60, 80]

const rangeOf = (bounds: readonly number[], score: number) => Math.min(bounds.length - 1, Math.floor(score / (100 / bounds.length)))
const rangeLabel = (bounds: readonly number[], i: number) => `${bounds[i]}\u2013${i === bounds.length - 1 ? 100 : bounds[i + 1]! - 1}`

export interface Distribution {
  /** "0–9" … "90–100". */
  labels: string[]
  counts: number[]
  /** Practices whose score is withheld. */
  withheld: number
}

/** `scores`: each practice's shown score (0–100, rounded), or null where it is withheld. */
export function tensDistribution(scores: readonly (number | null)[]): Distribution {
  const counts = TENS.map(() => 0)
  let withheld = 0
  for (const score of scores) {
    if (score === null) withheld++
    else counts[rangeOf(TENS, score)]!++
  }
  return { labels: TENS.map((_, i) => rangeLabel(TENS, i)), counts, withheld }
}

export interface CrossTab {
  /** "0–19" … "80–100", across. */
  xLabels: string[]
  /** Highest first, as up the chart. */
  yLabels: string[]
  /** counts[row][column], rows highest y first. */
  counts: number[][]
}

/** Practices with both scores shown, by the 20-point range of each. */
export function crossTab(points: readonly { x: number; y: number }[]): CrossTab {
  const counts = TWENTIES.map(() => TWENTIES.map(() => 0))
  const last = TWENTIES.length - 1
  for (const p of points) counts[last - rangeOf(TWENTIES, p.y)]![rangeOf(TWENTIES, p.x)]!++
  const labels = TWENTIES.map((_, i) => rangeLabel(TWENTIES, i))
  return { xLabels: labels, yLabels: [...labels].reverse(), counts }
}

/** A count axis's top and step: whole steps of 1, 2, 5, 10, 20, 50 … with about five ticks. */
export function countAxis(largest: number): { max: number; step: number } {
  const rough = Math.max(1, largest) / 5
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!,
  )
  return { max: Math.max(step, Math.ceil(largest / step) * step), step }
}
