// What travels to static/js/report-charts.js in a <script type="application/json"> block. Withheld figures are
// null (radar, bar) or left out (scatter): a withheld figure never reaches the page, not even hidden.

export interface SeriesData {
  label: string
  values: (number | null)[]
  /** How the series is told apart without colour: a solid, dashed, dotted, dash-dot, long-dash or dash-dot-dot line, a filled or outlined bar. */
  style: 'solid' | 'dashed' | 'dotted' | 'dashdot' | 'longdash' | 'dashdotdot' | 'filled' | 'outlined'
}

/** A line chart's values are per label (a wave); null where there is none, which breaks the line. */
export interface RadarOrBarData {
  type: 'radar' | 'bar' | 'hbar' | 'line'
  labels: string[]
  series: SeriesData[]
  min: number
  max: number
  /** The value axis's step between ticks; 25 (a 0–100 score's quarters) when not given. */
  step?: number
  /** A line chart's label indices after which no line is drawn to the next value (the questionnaire's version changed). */
  breaksAfter?: number[]
}

export interface ScatterData {
  type: 'scatter'
  xLabel: string
  yLabel: string
  points: { label: string; x: number; y: number }[]
  min: number
  max: number
}

export type ChartData = RadarOrBarData | ScatterData

export interface ChartModel {
  id: string
  /** The canvas's accessible name: what the chart shows and where its figures are in words. */
  label: string
  /** JSON safe to place inside a script element. */
  json: string
  /** A scatter's name for its points ("Practices"), in the page's language: the script has no words of its own. */
  pointsLabel?: string
}

/** JSON that cannot close the script element it sits in, nor open a comment: every "<" is escaped. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

export function chartModel(id: string, label: string, data: ChartData, words: { pointsLabel?: string } = {}): ChartModel {
  return { id, label, json: jsonForScript(data), ...(words.pointsLabel === undefined ? {} : { pointsLabel: words.pointsLabel }) }
}
