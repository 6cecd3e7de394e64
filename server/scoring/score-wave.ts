// Scores one questionnaire for one wave: practice scores, programme statistics per scale and the
// general 0–10 items. Pure: plain data in, plain data out. Breakdowns are in score-breakdowns.ts.
import { SETTINGS, type Questionnaire, type Setting } from '../questionnaires/definition-schema.js'
import { audienceShown, shownSettings } from './complementary-suppression.js'
import { itemVariances, LOW_AGREEMENT, scaleRwg } from './agreement.js'
import { bandFor } from './bands.js'
import { benchmarks, competitionRanks } from './benchmarks.js'
import { ascending } from './descriptive.js'
import { generalItemScorer, type GeneralItemResult } from './general-items.js'
import { IccSums } from './icc.js'
import {
  scaleRef,
  summariseBySetting,
  summariseScores,
  withheldPracticeScale,
  type PracticeScaleResult,
  type ScaleRef,
  type ScoreSummary,
  type ShownPracticeScale,
} from './practice-scores.js'
import { MIN_ICC_PRACTICE_RESPONDENTS } from './printable-statistics.js'
import { AlphaSums } from './reliability.js'
import type { Respondent } from './respondent.js'
import { toScore100 } from './respondent-scores.js'
import { scoredPractices, scoresOn, type ScoredMemo, type ScoredPractice, type ScoredRespondent } from './scored-practices.js'
import { resolveScoringOptions, type ScoringOptions } from './scoring-options.js'
import { buildScoringPlan, type PlannedScale } from './scoring-plan.js'

export interface WaveInput {
  wave: string
  questionnaire: Questionnaire
  /** Submitted responses to this questionnaire in this wave. */
  respondents: readonly Respondent[]
  options?: Partial<ScoringOptions>
  /**
   * Withholds a practice on a scale even when it has enough respondents (the setting view uses it to
   * keep complementary suppression). A practice withheld this way is left out of every programme figure.
   */
  alsoWithhold?: (practiceCode: string, scale: string) => boolean
  /** The respondents' item values and scale scores under this questionnaire, kept from an earlier call (scored-practices.ts). */
  memo?: ScoredMemo
}

/** Programme statistics for one scale, over the practices whose score on it is shown. */
export interface ScaleStats extends ScaleRef {
  wave: string
  nPractices: number
  nRespondents: number
  icc1: number | null
  icc2: number | null
  /** Practices that entered the ICC with at least MIN_ICC_PRACTICE_RESPONDENTS scores (printable-statistics.ts). */
  iccPractices: number
  alpha: number | null
  /** Respondents with every item of the scale answered: those alpha was computed from. */
  alphaN: number
  alphaItems: number
  /** Median, best and worst practice score (0–100); null when no practice is shown. */
  median: number | null
  best: number | null
  worst: number | null
}

export interface WaveScores {
  wave: string
  questionnaire: string
  questionnaireVersion: number
  options: ScoringOptions
  /** Every scale, parents before their children. */
  scales: ScaleRef[]
  /** Ordered by practice code, then scale. */
  practices: PracticeScaleResult[]
  scaleStats: ScaleStats[]
  general: GeneralItemResult[]
}

export function scoreWave(input: WaveInput): WaveScores {
  const scoring = waveScoring(input)
  for (const practice of scoredPractices(scoring.plan, input.respondents, input.memo)) scoring.add(practice)
  return scoring.scores()
}

/** What waveScoring needs: a wave's input without its respondents, which come a practice at a time. */
export type WaveScoringInput = Omit<WaveInput, 'respondents' | 'memo'>

/** WaveScores with its practice rows made as they are taken, one at a time (waveScoring's inTurn): what a one-off export writes. */
export type WaveScoresInTurn = Omit<WaveScores, 'practices'> & { practices: Iterable<PracticeScaleResult> }

/**
 * What a practice leaves for its rows: its summary on each scale (packedSummaries) and its item variances for rwg. As
 * numbers in one array, a practice's summaries take a tenth of the memory they take as objects, and a one-off export
 * holds every practice's until the last is in.
 */
interface PracticePart {
  code: string
  summaries: Float64Array
  variances: Float64Array
}

/** Numbers a summary takes in PracticePart.summaries: n, mean, sd, ci low and ci high, NaN for null (n NaN: withheld). */
const SUMMARY_NUMBERS = 5

function packedSummaries(summaries: readonly (ScoreSummary | null)[]): Float64Array {
  const packed = new Float64Array(summaries.length * SUMMARY_NUMBERS).fill(Number.NaN)
  summaries.forEach((summary, s) => {
    if (summary === null) return
    const at = s * SUMMARY_NUMBERS
    packed[at] = summary.n
    packed[at + 1] = summary.mean
    if (summary.sd !== null) packed[at + 2] = summary.sd
    if (summary.ci !== null) [packed[at + 3], packed[at + 4]] = [summary.ci.low, summary.ci.high]
  })
  return packed
}

/** Scale s's summary out of packedSummaries: the same numbers, so the same row to the last bit. */
function unpackedSummary(packed: Float64Array, s: number): ScoreSummary | null {
  const at = s * SUMMARY_NUMBERS
  if (Number.isNaN(packed[at]!)) return null
  const [sd, low] = [packed[at + 2]!, packed[at + 3]!]
  return { n: packed[at]!, mean: packed[at + 1]!, sd: Number.isNaN(sd) ? null : sd, ci: Number.isNaN(low) ? null : { low, high: packed[at + 4]! } }
}

/**
 * scoreWave a practice at a time, for a caller that reads a wave practice by practice and keeps none of its
 * respondents: each practice leaves its summaries and what the programme's figures need of it (its score on each
 * scale for the ranks, median, best and worst; its group sums for the ICC; its item values summed for alpha), and its
 * rows are made from those once every practice is in (a rank is among them all). Practices must come in code order,
 * each with its respondents in input order (as scoredPractices gives them): the figures are then summed in the same
 * order, to the last bit.
 */
export function waveScoring(input: WaveScoringInput) {
  const options = resolveScoringOptions(input.options)
  const plan = buildScoringPlan(input.questionnaire)
  const refs = plan.scales.map(scaleRef)
  // A scale only some settings see is a figure of those settings: withheld unless each has its count shown.
  const audiences = plan.scales.map((scale) => SETTINGS.filter((setting) => scale.shown[setting].length > 0))
  const figures = plan.scales.map((scale) => new ScaleFigures(scale.items))
  const general = generalItemScorer(plan.questionnaire, input.wave, plan.generalItems, options)
  const parts: PracticePart[] = []
  const generalRows: GeneralItemResult[] = []

  function add(practice: ScoredPractice): void {
    const { code, members } = practice
    const previous = parts.at(-1)?.code
    if (previous !== undefined && !(previous < code)) throw new RangeError(`practice ${code} came after ${previous}: practices must come in code order`)
    const settingsShown = shownSettings(countsOf(members), options)
    const summaries = plan.scales.map((scale, s) => {
      const summary = input.alsoWithhold?.(code, scale.key) || !audienceShown(audiences[s]!, settingsShown) ? null : summarisePractice(members, s, options)
      if (summary !== null) figures[s]!.add(parts.length, toScore100(summary.mean), summary.n, members, s)
      return summary
    })
    parts.push({
      code,
      summaries: packedSummaries(summaries),
      variances: itemVariances(
        members.map((m) => m.values),
        plan.items.length,
      ),
    })
    generalRows.push(
      ...general(
        code,
        members.map((m) => m.respondent),
      ),
    )
  }

  /** Every practice's rows, by practice then scale, made as they are taken. */
  function* rows(ranks: readonly Int32Array[]): Generator<PracticeScaleResult> {
    for (const [p, { code, summaries, variances }] of parts.entries()) {
      for (const [s, scale] of plan.scales.entries()) {
        const summary = unpackedSummary(summaries, s)
        yield summary === null
          ? withheldPracticeScale(refs[s]!, code, input.wave)
          : shownRow(refs[s]!, code, input.wave, summary, scale, variances, plan.bands, ranks[s]![p]!)
      }
    }
  }

  /** The scores of the practices taken, their rows made one at a time as they are read. */
  function inTurn(): WaveScoresInTurn {
    return {
      wave: input.wave,
      questionnaire: plan.questionnaire,
      questionnaireVersion: plan.version,
      options,
      scales: refs,
      practices: rows(figures.map((f) => f.ranks(parts.length))),
      scaleStats: figures.map((f, s) => f.stats(refs[s]!, input.wave)),
      general: generalRows,
    }
  }

  function scores(): WaveScores {
    const scores = inTurn()
    return { ...scores, practices: [...scores.practices] }
  }

  return { plan, add, inTurn, scores }
}

/** What a scale's programme figures need of the practices whose score on it is shown, taken as they come. */
class ScaleFigures {
  /** The shown practices (their index among those taken) and their 0–100 scores, in the order they came. */
  private readonly practices: number[] = []
  private readonly scores: number[] = []
  private readonly icc = new IccSums()
  private readonly alpha: AlphaSums
  private iccPractices = 0
  private nRespondents = 0

  constructor(items: readonly number[]) {
    this.alpha = new AlphaSums(items)
  }

  add(practice: number, score: number, n: number, members: readonly ScoredRespondent[], s: number): void {
    this.practices.push(practice)
    this.scores.push(score)
    this.nRespondents += n
    const group = scoresOn(members, s)
    this.icc.add(group)
    if (group.length >= MIN_ICC_PRACTICE_RESPONDENTS) this.iccPractices++
    for (const m of members) this.alpha.add(m.values)
  }

  /** Each practice's rank on the scale among those shown, by its index (0 where it is withheld). */
  ranks(practiceCount: number): Int32Array {
    const byPractice = new Int32Array(practiceCount)
    competitionRanks(this.scores).forEach((rank, i) => (byPractice[this.practices[i]!] = rank))
    return byPractice
  }

  stats(ref: ScaleRef, wave: string): ScaleStats {
    const icc = this.icc.result()
    const reliability = this.alpha.result()
    const bench = benchmarks(this.scores)
    return {
      ...ref,
      wave,
      nPractices: this.scores.length,
      nRespondents: this.nRespondents,
      icc1: icc.icc1,
      icc2: icc.icc2,
      iccPractices: this.iccPractices,
      alpha: reliability.alpha,
      alphaN: reliability.n,
      alphaItems: reliability.items,
      median: bench?.median ?? null,
      best: bench?.best ?? null,
      worst: bench?.worst ?? null,
    }
  }
}

function countsOf(members: readonly ScoredRespondent[]): Map<Setting, number> {
  const counts = new Map<Setting, number>()
  for (const m of members) counts.set(m.respondent.setting, (counts.get(m.respondent.setting) ?? 0) + 1)
  return counts
}

/** null when the practice is withheld on this scale (fewer than minPracticeN respondents with a score). */
function summarisePractice(members: readonly ScoredRespondent[], s: number, options: ScoringOptions): ScoreSummary | null {
  const scores = ascending(scoresOn(members, s))
  if (scores.length < options.minPracticeN) return null
  if (options.weighting === 'respondents') return summariseScores(scores)
  const bySetting = new Map<Setting, number[]>()
  for (const m of members) {
    const score = m.scores[s]!
    if (Number.isNaN(score)) continue
    const group = bySetting.get(m.respondent.setting)
    if (group) group.push(score)
    else bySetting.set(m.respondent.setting, [score])
  }
  return summariseBySetting(bySetting)
}

function shownRow(
  ref: ScaleRef,
  practiceCode: string,
  wave: string,
  summary: ScoreSummary,
  scale: PlannedScale,
  variances: Float64Array,
  bands: Parameters<typeof bandFor>[0],
  rank: number,
): ShownPracticeScale {
  const agreement = scaleRwg(variances, scale.items)
  const score = toScore100(summary.mean)
  // Written out rather than spread from identifyingFields: a spread followed by sixteen more properties made each of
  // a wave's 25,000 rows take about 10 µs to build (a quarter of scoring a wave at 1,000 practices). Same keys, same order.
  return {
    questionnaire: ref.questionnaire,
    level: ref.level,
    scale: ref.scale,
    scalePath: ref.scalePath,
    scaleName: ref.scaleName,
    practiceCode,
    wave,
    withheld: false,
    n: summary.n,
    mean: summary.mean,
    score,
    sd: summary.sd,
    ci: summary.ci,
    scoreCi: summary.ci && { low: toScore100(summary.ci.low), high: toScore100(summary.ci.high) },
    rwg: agreement?.rwg ?? null,
    rwgItems: agreement?.items ?? 0,
    lowAgreement: agreement ? agreement.rwg < LOW_AGREEMENT : null,
    band: bandFor(bands, score),
    rank,
  }
}
