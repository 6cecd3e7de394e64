// Change in a practice's scale mean between two waves: the difference and Welch's t-test.
import type { Questionnaire } from '../questionnaires/definition-schema.js'
import type { PracticeScaleResult, ScaleRef, ShownPracticeScale } from './practice-scores.js'
import type { WaveScores, WaveScoresInTurn } from './score-wave.js'
import { buildScoringPlan } from './scoring-plan.js'
import { twoSidedP } from './t-distribution.js'

/** A change is reported as "changed" when the two-sided Welch p-value is below this. */
export const CHANGE_ALPHA = 0.05

export interface WelchTest {
  t: number
  df: number
  p: number
}

export interface GroupSummary {
  n: number
  mean: number
  sd: number | null
}

/**
 * Welch's unequal-variances t-test of b − a, with Welch–Satterthwaite degrees of freedom and the
 * p-value from the t CDF. Undefined (null) when either group has n < 2 (no SD) or both SDs are 0.
 */
export function welchTest(a: GroupSummary, b: GroupSummary): WelchTest | null {
  if (a.n < 2 || b.n < 2 || a.sd === null || b.sd === null) return null
  const va = (a.sd * a.sd) / a.n
  const vb = (b.sd * b.sd) / b.n
  const se2 = va + vb
  if (se2 === 0) return null
  const t = (b.mean - a.mean) / Math.sqrt(se2)
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1))
  return { t, df, p: twoSidedP(t, df) }
}

export interface ChangeRef extends ScaleRef {
  practiceCode: string
  fromWave: string
  toWave: string
  /** The questionnaire versions the two waves were answered in. */
  versionFrom: number
  versionTo: number
  /** The scale's items the change compares: all of them within a version, those both versions ask the same way across two. */
  itemsCompared: number
}

export interface WithheldChange extends ChangeRef {
  withheld: true
}

export interface ShownChange extends ChangeRef {
  withheld: false
  nFrom: number
  nTo: number
  meanFrom: number
  meanTo: number
  /** meanTo − meanFrom, on 1–5. */
  difference: number
  t: number | null
  df: number | null
  pValue: number | null
  /** p < 0.05; null when the test is undefined. */
  changed: boolean | null
}

export type ChangeRow = WithheldChange | ShownChange

/**
 * One row per practice (in either wave) and scale (in both waves, matched by its path). A practice
 * that is withheld or absent in either wave gets a withheld row with no figures. `compared` is the definition
 * both waves were scored with (across versions, the restricted copy from commonItemsDefinition): each row
 * counts the scale's items in it, and the versions come from the scores.
 */
export function compareWaves(from: WaveScores, to: WaveScores, compared: Questionnaire): ChangeRow[] {
  if (from.questionnaire !== to.questionnaire || compared.id !== to.questionnaire) {
    throw new RangeError(`cannot compare questionnaire "${from.questionnaire}" with "${to.questionnaire}"`)
  }
  const itemCounts = new Map(buildScoringPlan(compared).scales.map((s) => [s.key, s.items.length]))
  const fromScales = new Set(from.scales.map((s) => s.scale))
  const scales = to.scales.filter((s) => fromScales.has(s.scale))
  const index = (wave: WaveScores) => new Map(wave.practices.map((row) => [`${row.practiceCode}\u0000${row.scale}`, row]))
  const fromRows = index(from)
  const toRows = index(to)
  const codes = [...new Set([...from.practices, ...to.practices].map((row) => row.practiceCode))].sort()
  const rows: ChangeRow[] = []
  for (const practiceCode of codes) {
    for (const scale of scales) {
      const ref: ChangeRef = {
        questionnaire: scale.questionnaire,
        level: scale.level,
        scale: scale.scale,
        scalePath: scale.scalePath,
        scaleName: scale.scaleName,
        practiceCode,
        fromWave: from.wave,
        toWave: to.wave,
        versionFrom: from.questionnaireVersion,
        versionTo: to.questionnaireVersion,
        itemsCompared: itemCounts.get(scale.scale) ?? 0,
      }
      const a = fromRows.get(`${practiceCode}\u0000${scale.scale}`)
      const b = toRows.get(`${practiceCode}\u0000${scale.scale}`)
      if (!a || !b || a.withheld || b.withheld) {
        rows.push({ ...ref, withheld: true })
        continue
      }
      rows.push(shownChange(ref, a, b))
    }
  }
  return rows
}

// Written out rather than spread from the ref: a spread followed by more properties made each of a change's 25,000
// rows cost microseconds more to build (as in score-wave.ts). Same keys, same order. (Withheld rows are few.)
function shownChange(ref: ChangeRef, a: ShownPracticeScale, b: ShownPracticeScale): ShownChange {
  const test = welchTest(a, b)
  return {
    questionnaire: ref.questionnaire,
    level: ref.level,
    scale: ref.scale,
    scalePath: ref.scalePath,
    scaleName: ref.scaleName,
    practiceCode: ref.practiceCode,
    fromWave: ref.fromWave,
    toWave: ref.toWave,
    versionFrom: ref.versionFrom,
    versionTo: ref.versionTo,
    itemsCompared: ref.itemsCompared,
    withheld: false,
    nFrom: a.n,
    nTo: b.n,
    meanFrom: a.mean,
    meanTo: b.mean,
    difference: b.mean - a.mean,
    t: test?.t ?? null,
    df: test?.df ?? null,
    pValue: test?.p ?? null,
    changed: test ? test.p < CHANGE_ALPHA : null,
  }
}

/**
 * compareWaves a practice at a time, from scores whose rows are made as they are read (waveScoring's inTurn), for a
 * one-off export that holds neither wave's rows: a practice's change rows come from its own rows in the two waves alone,
 * so comparing those gives compareWaves' rows for it, in compareWaves' order (practices in code order, either wave's).
 */
export function* compareWavesInTurn(from: WaveScoresInTurn, to: WaveScoresInTurn, compared: Questionnaire): Generator<ChangeRow[]> {
  const earlier = practiceRows(from.practices)
  const later = practiceRows(to.practices)
  let [a, b] = [earlier.next(), later.next()]
  while (!a.done || !b.done) {
    const code = b.done || (!a.done && a.value.code < b.value.code) ? a.value!.code : b.value.code
    const fromRows = !a.done && a.value.code === code ? a.value.rows : []
    const toRows = !b.done && b.value.code === code ? b.value.rows : []
    yield compareWaves({ ...from, practices: fromRows }, { ...to, practices: toRows }, compared)
    if (fromRows.length > 0) a = earlier.next()
    if (toRows.length > 0) b = later.next()
  }
}

/** Rows ordered by practice, a practice's at a time. */
function* practiceRows(rows: Iterable<PracticeScaleResult>): Generator<{ code: string; rows: PracticeScaleResult[] }> {
  let current: { code: string; rows: PracticeScaleResult[] } | undefined
  for (const row of rows) {
    if (current?.code === row.practiceCode) current.rows.push(row)
    else {
      if (current) yield current
      current = { code: row.practiceCode, rows: [row] }
    }
  }
  if (current) yield current
}
