// Scores one questionnaire for one wave: practice scores, programme statistics per scale and the
// general 0–10 items. Pure: plain data in, plain data out. Breakdowns are in score-breakdowns.ts.
import { SETTINGS, type Questionnaire, type Setting } from '../questionnaires/definition-schema.js'
import { audienceShown, shownSettings } from './complementary-suppression.js'
import { itemVariances, LOW_AGREEMENT, scaleRwg } from './agreement.js'
import { bandFor } from './bands.js'
import { benchmarks, competitionRanks } from './benchmarks.js'
import { ascending } from './descriptive.js'
import { generalItemResults, type GeneralItemResult } from './general-items.js'
import { oneWayIcc } from './icc.js'
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
import { cronbachAlpha } from './reliability.js'
import type { Respondent } from './respondent.js'
import { toScore100 } from './respondent-scores.js'
import { scoredPractices, scoresOn, type ScoredMemo, type ScoredRespondent } from './scored-practices.js'
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
  const options = resolveScoringOptions(input.options)
  const plan = buildScoringPlan(input.questionnaire)
  const practices = scoredPractices(plan, input.respondents, input.memo)
  const variances = practices.map((p) =>
    itemVariances(
      p.members.map((m) => m.values),
      plan.items.length,
    ),
  )
  const rows: PracticeScaleResult[][] = practices.map(() => [])
  const scaleStats: ScaleStats[] = []

  const settingsShown = practices.map((p) => shownSettings(countsOf(p.members), options))
  plan.scales.forEach((scale, s) => {
    const ref = scaleRef(scale)
    // A scale only some settings see is a figure of those settings: withheld unless each has its count shown.
    const audience = SETTINGS.filter((setting) => scale.shown[setting].length > 0)
    const summaries = practices.map((p, i) =>
      input.alsoWithhold?.(p.code, scale.key) || !audienceShown(audience, settingsShown[i]!) ? null : summarisePractice(p.members, s, options),
    )
    const shown = practices.map((_, p) => p).filter((p) => summaries[p] !== null)
    const shownScores = shown.map((p) => toScore100(summaries[p]!.mean))
    const ranks = competitionRanks(shownScores)
    const rankOf = new Map(shown.map((p, i) => [p, ranks[i]!]))

    practices.forEach(({ code }, p) => {
      const summary = summaries[p]!
      rows[p]!.push(
        summary === null
          ? withheldPracticeScale(ref, code, input.wave)
          : shownRow(ref, code, input.wave, summary, scale, variances[p]!, plan.bands, rankOf.get(p)!),
      )
    })

    const shownMembers = shown.map((p) => practices[p]!.members)
    const iccGroups = shownMembers.map((members) => scoresOn(members, s))
    const icc = oneWayIcc(iccGroups)
    const reliability = cronbachAlpha(valuesOf(shownMembers), scale.items)
    const bench = benchmarks(shownScores)
    scaleStats.push({
      ...ref,
      wave: input.wave,
      nPractices: shown.length,
      nRespondents: shown.reduce((total, p) => total + summaries[p]!.n, 0),
      icc1: icc.icc1,
      icc2: icc.icc2,
      iccPractices: iccGroups.filter((g) => g.length >= MIN_ICC_PRACTICE_RESPONDENTS).length,
      alpha: reliability.alpha,
      alphaN: reliability.n,
      alphaItems: reliability.items,
      median: bench?.median ?? null,
      best: bench?.best ?? null,
      worst: bench?.worst ?? null,
    })
  })

  return {
    wave: input.wave,
    questionnaire: plan.questionnaire,
    questionnaireVersion: plan.version,
    options,
    scales: plan.scales.map(scaleRef),
    practices: rows.flat(),
    scaleStats,
    general: generalItemResults(
      plan.questionnaire,
      input.wave,
      plan.generalItems,
      new Map(practices.map((p) => [p.code, p.members.map((m) => m.respondent)])),
      options,
    ),
  }
}

/** Every member's item values, in order: a loop, since flatMap over 20,000 respondents per scale cost more than alpha itself. */
function valuesOf(groups: readonly (readonly ScoredRespondent[])[]): Float64Array[] {
  const values: Float64Array[] = []
  for (const members of groups) for (const m of members) values.push(m.values)
  return values
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
