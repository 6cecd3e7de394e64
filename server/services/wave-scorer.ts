// Scores a wave from its respondents: in the process itself (inline), or on worker threads that read the wave on a
// database connection of their own (wave-scorer-pool.ts), so that scoring a large wave never holds up the event loop
// that serves respondents' pages. Both give the same plain data.
import type { Repositories } from '../data/repository-interfaces.js'
import type { Questionnaire, Setting } from '../questionnaires/definition-schema.js'
import {
  compareWaves,
  respondentOverall,
  scoreWave,
  scoreWaveForSetting,
  type ChangeRow,
  type Respondent,
  type ScoringOptions,
  type WaveScores,
} from '../scoring/index.js'
import type { ScoredMemo } from '../scoring/scored-practices.js'
import { analyseItems, type InstrumentQuality } from '../scoring/item-analysis.js'
import { buildScoringPlan } from '../scoring/scoring-plan.js'
import type { GroupSummary } from '../scoring/wave-change.js'
import { createKeptRespondents, type KeptRespondents } from './kept-respondents.js'

/** One questionnaire of one wave, and whose answers count: all the wave's, or some practices' and one setting's. */
export interface WaveToScore {
  waveId: number
  /** The wave's scores version, read before asking: the respondents scored are at least as new (kept-respondents.ts). */
  version: number
  /** The wave's short name, which the scores carry. */
  wave: string
  questionnaire: Questionnaire
  options: ScoringOptions
  /** Only these practices' respondents; all when absent. */
  practiceCodes?: readonly string[]
  /** Only this setting's respondents (scoreWaveForSetting for the scores). */
  setting?: Setting
}

export interface WaveScorer {
  /** The wave's scores of the questionnaire, from its submitted respondents. */
  score(request: WaveToScore): Promise<WaveScores>
  /** Per practice (in code order), n, mean and sd of its respondents' overall scores over `topScales` (respondentOverall). */
  overall(request: WaveToScore, topScales: readonly string[]): Promise<[string, GroupSummary][]>
  /** The questionnaire versions the wave's submitted answers were given to (ScoringRepository.answeredVersions), at `version` or later. */
  answeredVersions(waveId: number, questionnaireId: string, version: number): Promise<number[]>
  /** Instrument quality (item-analysis.ts) of the wave's questionnaire, from all its respondents or one setting's. */
  itemAnalysis(request: ItemsToAnalyse): Promise<InstrumentQuality>
  /** compareWaves between the scores of two requests (score's): change per practice and scale, or one practice's only. */
  compare(from: WaveToScore, to: WaveToScore, compared: Questionnaire, practiceCode?: string): Promise<ChangeRow[]>
  /** Lets go of the threads and their connections; an inline scorer has none. */
  close(): Promise<void>
}

/** A wave's questionnaire to analyse, as scored (`questionnaire` is the answered definition). */
export interface ItemsToAnalyse {
  waveId: number
  version: number
  questionnaire: Questionnaire
  setting?: Setting
}

/** The respondents the request counts, of all the wave's. */
function kept(request: WaveToScore, all: readonly Respondent[]): readonly Respondent[] {
  const practices = request.practiceCodes ? new Set(request.practiceCodes) : null
  if (!practices) return all
  return all.filter((r) => practices.has(r.practiceCode))
}

/** What both scorers run, wherever the respondents were read: pure, the same input giving the same output. */
export const scoringWork = {
  score(request: WaveToScore, all: readonly Respondent[], memo?: ScoredMemo): WaveScores {
    const input = {
      wave: request.wave,
      questionnaire: request.questionnaire,
      respondents: kept(request, all),
      options: request.options,
      ...(memo ? { memo } : {}),
    }
    return request.setting ? scoreWaveForSetting(input, request.setting) : scoreWave(input)
  },
  overall(request: WaveToScore, topScales: readonly string[], all: readonly Respondent[], memo?: ScoredMemo): [string, GroupSummary][] {
    const respondents = kept(request, all).filter((r) => !request.setting || r.setting === request.setting)
    return [...respondentOverall(buildScoringPlan(request.questionnaire), new Set(topScales), respondents, memo)]
  },
  /**
   * compareWaves, or its rows of one practice: each practice's rows come from its own scores alone, so comparing the
   * practice's scores gives those rows exactly, at a thousandth of the work and of what is sent back from a thread.
   */
  compare(from: WaveScores, to: WaveScores, compared: Questionnaire, practiceCode?: string): ChangeRow[] {
    if (practiceCode === undefined) return compareWaves(from, to, compared)
    const only = (scores: WaveScores): WaveScores => ({ ...scores, practices: scores.practices.filter((row) => row.practiceCode === practiceCode) })
    return compareWaves(only(from), only(to), compared)
  },
  itemAnalysis(request: ItemsToAnalyse, all: readonly Respondent[]): InstrumentQuality {
    const { questionnaire, setting } = request
    return analyseItems(buildScoringPlan(questionnaire), setting ? all.filter((r) => r.setting === setting) : all, setting)
  },
}

/** What the inline scorer and each worker thread answer from: the respondents each keeps (kept-respondents.ts). */
export function scoringFrom(kept: KeptRespondents) {
  const respondents = async (request: { waveId: number; version: number; questionnaire: Questionnaire }) =>
    (await kept.at(request.waveId, request.questionnaire.id, request.version)).respondents
  // A memo of respondents' item values and scale scores per definition scored (a definition and its copy restricted to
  // the items two versions share score differently): a kept respondent's are worked out once, not at every version of
  // its wave (about a fifth of scoring a wave at 1,000 practices).
  const memos = new Recent<ScoredMemo>(16)
  // The scores last made, so that a change is worked out here from scores this thread made, rather than from scores
  // sent to it: a structured clone of two waves' 50,000 rows each way took a second of the app's thread.
  const scores = new Recent<Promise<WaveScores>>(8)
  const memoFor = (request: WaveToScore) => memos.get(JSON.stringify(request.questionnaire), () => new WeakMap())
  const score = (request: WaveToScore) =>
    scores.get(JSON.stringify(request), async () => scoringWork.score(request, await respondents(request), memoFor(request)))
  return {
    score,
    compare: async (from: WaveToScore, to: WaveToScore, compared: Questionnaire, practiceCode?: string) =>
      scoringWork.compare(await score(from), await score(to), compared, practiceCode),
    overall: async (request: WaveToScore, topScales: readonly string[]) =>
      scoringWork.overall(request, topScales, await respondents(request), memoFor(request)),
    answeredVersions: async (waveId: number, questionnaireId: string, version: number) => (await kept.at(waveId, questionnaireId, version)).versions,
    itemAnalysis: async (request: ItemsToAnalyse) => scoringWork.itemAnalysis(request, await respondents(request)),
  }
}

/** The most recently used of what was made under a key, at most `max` of them. */
class Recent<V> {
  private readonly kept = new Map<string, V>()
  constructor(private readonly max: number) {}

  get(key: string, make: () => V): V {
    const value = this.kept.has(key) ? this.kept.get(key)! : make()
    this.kept.delete(key)
    this.kept.set(key, value)
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!)
    return value
  }
}

/** Scores on the calling thread: for an in-memory database (which no other connection can open), tests and the command line. */
export function createInlineWaveScorer(repos: Pick<Repositories, 'scoring'>): WaveScorer {
  return {
    ...scoringFrom(createKeptRespondents(repos.scoring)),
    close: async () => {},
  }
}
