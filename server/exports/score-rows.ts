// The rows of the three score exports: full precision, and blank figures on withheld rows. Alpha, ICC and the CI are
// written as printable-statistics.ts allows: a figure it withholds is an empty cell, with its reason in a `*_note` column.
import { printableInterval, printableScaleStats, type ChangeRow, type PracticeScaleResult, type Printable, type ScaleStats } from '../scoring/index.js'

export const SCORE_COLUMNS = [
  'practice_code',
  'wave',
  'questionnaire',
  'level',
  'scale',
  'n',
  'mean',
  'score',
  'sd',
  'ci_low',
  'ci_high',
  'rwg',
  'band',
  'rank',
  'withheld',
  'ci_note',
] as const
export const SCALE_STATS_COLUMNS = [
  'questionnaire',
  'level',
  'scale',
  'n_practices',
  'n_respondents',
  'icc1',
  'icc2',
  'alpha',
  'alpha_n',
  'median',
  'best',
  'worst',
  'icc1_note',
  'icc2_note',
  'alpha_note',
] as const
export const CHANGE_COLUMNS = [
  'practice_code',
  'questionnaire',
  'level',
  'scale',
  'from_wave',
  'to_wave',
  'version_from',
  'version_to',
  'items_compared',
  'n_from',
  'n_to',
  'mean_from',
  'mean_to',
  'difference',
  'p_value',
  'changed',
  'withheld',
] as const

type Cell = string | number | boolean | null

export function scoreRow(r: PracticeScaleResult): Record<(typeof SCORE_COLUMNS)[number], Cell> {
  // One literal with every column, no spread: a row spread from its identifiers and then extended took a few
  // kilobytes of V8's hidden-class work each, which at 43,000 rows was most of the memory an export of scores used.
  if (r.withheld) {
    return {
      practice_code: r.practiceCode,
      wave: r.wave,
      questionnaire: r.questionnaire,
      level: r.level,
      scale: r.scale,
      n: null,
      mean: null,
      score: null,
      sd: null,
      ci_low: null,
      ci_high: null,
      rwg: null,
      band: null,
      rank: null,
      withheld: true,
      ci_note: null,
    }
  }
  const ci = printableInterval(r.ci)
  return {
    practice_code: r.practiceCode,
    wave: r.wave,
    questionnaire: r.questionnaire,
    level: r.level,
    scale: r.scale,
    n: r.n,
    mean: r.mean,
    score: r.score,
    sd: r.sd,
    ci_low: ci.shown ? ci.low : null,
    ci_high: ci.shown ? ci.high : null,
    rwg: r.rwg,
    band: r.band,
    rank: r.rank,
    withheld: false,
    ci_note: ci.shown ? (ci.clipped ? 'clipped' : null) : ci.reason,
  }
}

const value = (p: Printable) => (p.shown ? p.value : null)
const note = (p: Printable) => (p.shown ? null : p.reason)

export function scaleStatsRow(s: ScaleStats): Record<(typeof SCALE_STATS_COLUMNS)[number], Cell> {
  const printable = printableScaleStats(s)
  return {
    questionnaire: s.questionnaire,
    level: s.level,
    scale: s.scale,
    n_practices: s.nPractices,
    n_respondents: s.nRespondents,
    icc1: value(printable.icc1),
    icc2: value(printable.icc2),
    alpha: value(printable.alpha),
    alpha_n: s.alphaN,
    median: s.median,
    best: s.best,
    worst: s.worst,
    icc1_note: note(printable.icc1),
    icc2_note: note(printable.icc2),
    alpha_note: note(printable.alpha),
  }
}

export function changeRow(c: ChangeRow): Record<(typeof CHANGE_COLUMNS)[number], Cell> {
  const ids = {
    practice_code: c.practiceCode,
    questionnaire: c.questionnaire,
    level: c.level,
    scale: c.scale,
    from_wave: c.fromWave,
    to_wave: c.toWave,
    version_from: c.versionFrom,
    version_to: c.versionTo,
    items_compared: c.itemsCompared,
  }
  if (c.withheld) return { ...ids, n_from: null, n_to: null, mean_from: null, mean_to: null, difference: null, p_value: null, changed: null, withheld: true }
  return {
    ...ids,
    n_from: c.nFrom,
    n_to: c.nTo,
    mean_from: c.meanFrom,
    mean_to: c.meanTo,
    difference: c.difference,
    p_value: c.pValue,
    changed: c.changed,
    withheld: false,
  }
}
