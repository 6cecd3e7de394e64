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
  const ci = r.withheld ? null : printableInterval(r.ci)
  return {
    practice_code: r.practiceCode,
    wave: r.wave,
    questionnaire: r.questionnaire,
    level: r.level,
    scale: r.scale,
    n: r.withheld ? null : r.n,
    mean: r.withheld ? null : r.mean,
    score: r.withheld ? null : r.score,
    sd: r.withheld ? null : r.sd,
    ci_low: ci?.shown ? ci.low : null,
    ci_high: ci?.shown ? ci.high : null,
    rwg: r.withheld ? null : r.rwg,
    band: r.withheld ? null : r.band,
    rank: r.withheld ? null : r.rank,
    withheld: r.withheld,
    ci_note: ci === null ? null : ci.shown ? (ci.clipped ? 'clipped' : null) : ci.reason,
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
  // One literal with every column, as scoreRow's.
  return {
    practice_code: c.practiceCode,
    questionnaire: c.questionnaire,
    level: c.level,
    scale: c.scale,
    from_wave: c.fromWave,
    to_wave: c.toWave,
    version_from: c.versionFrom,
    version_to: c.versionTo,
    items_compared: c.itemsCompared,
    n_from: c.withheld ? null : c.nFrom,
    n_to: c.withheld ? null : c.nTo,
    mean_from: c.withheld ? null : c.meanFrom,
    mean_to: c.withheld ? null : c.meanTo,
    difference: c.withheld ? null : c.difference,
    p_value: c.withheld ? null : c.pValue,
    changed: c.withheld ? null : c.changed,
    withheld: c.withheld,
  }
}
