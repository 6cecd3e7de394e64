// Scores one questionnaire for one wave: practice scores, breakdowns, programme statistics per scale,
// and the general 0–10 items. Pure: plain data in, plain data out.
import type { Questionnaire, Setting } from '../questionnaires/definition-schema.js'
import { itemVariances, LOW_AGREEMENT, scaleRwg } from './agreement.js'
import { bandFor } from './bands.js'
import { benchmarks, competitionRanks } from './benchmarks.js'
import { breakdownRows, type BreakdownResult } from './breakdowns.js'
import { generalItemResults, type GeneralItemResult } from './general-items.js'
import { oneWayIcc } from './icc.js'
import { itemValueReader } from './item-values.js'
import {
  scaleRef,
  summariseBySetting,
  summariseScores,
  withheldPracticeScale,
  type PracticeScaleRef,
  type PracticeScaleResult,
  type ScaleRef,
  type ScoreSummary,
} from './practice-scores.js'
import { cronbachAlpha } from './reliability.js'
import type { Respondent } from './respondent.js'
import { scaleScores, toScore100 } from './respondent-scores.js'
import { resolveScoringOptions, type ScoringOptions } from './scoring-options.js'
import { buildScoringPlan, type PlannedScale } from './scoring-plan.js'

export interface WaveInput {
  wave: string
  questionnaire: Questionnaire
  /** Submitted responses to this questionnaire in this wave. */
  respondents: readonly Respondent[]
  options?: Partial<ScoringOptions>
}

/** Programme statistics for one scale, over the practices whose score on it is shown. */
export interface ScaleStats extends ScaleRef {
  wave: string
  nPractices: number
  nRespondents: number
  icc1: number | null
  icc2: number | null
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
  /** Ordered by practice code, then scale, then setting before role. */
  breakdowns: BreakdownResult[]
  scaleStats: ScaleStats[]
  general: GeneralItemResult[]
}

interface ScoredRespondent {
  respondent: Respondent
  values: Float64Array
  scores: Float64Array
}

export function scoreWave(input: WaveInput): WaveScores {
  const options = resolveScoringOptions(input.options)
  const plan = buildScoringPlan(input.questionnaire)
  const read = itemValueReader(plan)
  const practices = new Map<string, ScoredRespondent[]>()
  for (const respondent of input.respondents) {
    const values = read(respondent)
    const scored = { respondent, values, scores: scaleScores(plan, values, respondent.setting) }
    const members = practices.get(respondent.practiceCode)
    if (members) members.push(scored)
    else practices.set(respondent.practiceCode, [scored])
  }
  const codes = [...practices.keys()].sort()
  const variances = new Map(codes.map((code) => [code, itemVariances(practices.get(code)!.map((m) => m.values), plan.items.length)]))

  const rowsByPractice = new Map<string, PracticeScaleResult[]>(codes.map((code) => [code, []]))
  const breakdownsByPractice = new Map<string, BreakdownResult[]>(codes.map((code) => [code, []]))
  const scaleStats: ScaleStats[] = []

  plan.scales.forEach((scale, s) => {
    const ref = scaleRef(scale)
    const summaries = codes.map((code) => summarisePractice(practices.get(code)!, s, options))
    const shownIndex = codes.map((_, p) => p).filter((p) => summaries[p] !== null)
    const shownScores = shownIndex.map((p) => toScore100(summaries[p]!.mean))
    const ranks = competitionRanks(shownScores)
    const rankOf = new Map(shownIndex.map((p, i) => [p, ranks[i]!]))

    codes.forEach((code, p) => {
      const rowRef: PracticeScaleRef = { ...ref, practiceCode: code, wave: input.wave }
      const summary = summaries[p]!
      rowsByPractice.get(code)!.push(
        summary === null
          ? withheldPracticeScale(ref, code, input.wave)
          : shownRow(rowRef, summary, scale, variances.get(code)!, plan.bands, rankOf.get(p)!),
      )
      breakdownsByPractice.get(code)!.push(...practiceBreakdowns(rowRef, practices.get(code)!, s, options, summary !== null))
    })

    const shownMembers = shownIndex.map((p) => practices.get(codes[p]!)!)
    const icc = oneWayIcc(shownMembers.map((members) => scoresOn(members, s)))
    const reliability = cronbachAlpha(
      shownMembers.flatMap((members) => members.map((m) => m.values)),
      scale.items,
    )
    const bench = benchmarks(shownScores)
    scaleStats.push({
      ...ref,
      wave: input.wave,
      nPractices: shownIndex.length,
      nRespondents: shownIndex.reduce((total, p) => total + summaries[p]!.n, 0),
      icc1: icc.icc1,
      icc2: icc.icc2,
      alpha: reliability.alpha,
      alphaN: reliability.n,
      alphaItems: reliability.items,
      median: bench?.median ?? null,
      best: bench?.best ?? null,
      worst: bench?.worst ?? null,
    })
  })

  const respondentsByPractice = new Map(codes.map((code) => [code, practices.get(code)!.map((m) => m.respondent)]))
  return {
    wave: input.wave,
    questionnaire: plan.questionnaire,
    questionnaireVersion: plan.version,
    options,
    scales: plan.scales.map(scaleRef),
    practices: codes.flatMap((code) => rowsByPractice.get(code)!),
    breakdowns: codes.flatMap((code) => breakdownsByPractice.get(code)!),
    scaleStats,
    general: generalItemResults(plan.questionnaire, input.wave, plan.generalItems, respondentsByPractice, options.minPracticeN),
  }
}

function scoresOn(members: readonly ScoredRespondent[], s: number): number[] {
  const scores: number[] = []
  for (const m of members) {
    const score = m.scores[s]!
    if (!Number.isNaN(score)) scores.push(score)
  }
  return scores
}

/** null when the practice is withheld on this scale (fewer than minPracticeN respondents with a score). */
function summarisePractice(members: readonly ScoredRespondent[], s: number, options: ScoringOptions): ScoreSummary | null {
  const scores = scoresOn(members, s)
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
  ref: PracticeScaleRef,
  summary: ScoreSummary,
  scale: PlannedScale,
  variances: Float64Array,
  bands: Parameters<typeof bandFor>[0],
  rank: number,
): PracticeScaleResult {
  const agreement = scaleRwg(variances, scale.items)
  const score = toScore100(summary.mean)
  return {
    ...ref,
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

function practiceBreakdowns(
  ref: PracticeScaleRef,
  members: readonly ScoredRespondent[],
  s: number,
  options: ScoringOptions,
  totalShown: boolean,
): BreakdownResult[] {
  const bySetting = new Map<string | null, number[]>()
  const byRole = new Map<string | null, number[]>()
  for (const m of members) {
    const score = m.scores[s]!
    if (Number.isNaN(score)) continue
    for (const [groups, key] of [
      [bySetting, m.respondent.setting],
      [byRole, m.respondent.role],
    ] as const) {
      const group = groups.get(key)
      if (group) group.push(score)
      else groups.set(key, [score])
    }
  }
  return [
    ...breakdownRows(ref, 'setting', bySetting, options.minBreakdownN, totalShown),
    ...breakdownRows(ref, 'role', byRole, options.minBreakdownN, totalShown),
  ]
}
