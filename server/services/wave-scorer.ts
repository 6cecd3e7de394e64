// Scores a wave from its respondents: in the process itself (inline), or on worker threads that read the wave on a
// database connection of their own (wave-scorer-pool.ts), so that scoring a large wave never holds up the event loop
// that serves respondents' pages. Both give the same plain data.
import type { Repositories } from '../data/repository-interfaces.js'
import type { Questionnaire, Setting } from '../questionnaires/definition-schema.js'
import {
  compareWaves,
  respondentOverallOn,
  respondentScores,
  scoreWave,
  scoreWaveForSetting,
  type ChangeRow,
  type Respondent,
  type ScoringOptions,
  type WaveScores,
} from '../scoring/index.js'
import type { GroupSummary } from '../scoring/wave-change.js'

/** One questionnaire of one wave, and whose answers count: all the wave's, or some practices' and one setting's. */
export interface WaveToScore {
  waveId: number
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
  /** The questionnaire versions the wave's submitted answers were given to (ScoringRepository.answeredVersions): a read of every answer. */
  answeredVersions(waveId: number, questionnaireId: string): Promise<number[]>
  /** compareWaves: change per practice and scale. */
  compare(from: WaveScores, to: WaveScores, compared: Questionnaire): Promise<ChangeRow[]>
  /** Lets go of the threads and their connections; an inline scorer has none. */
  close(): Promise<void>
}

/** The respondents the request counts, of all the wave's. */
function kept(request: WaveToScore, all: readonly Respondent[]): readonly Respondent[] {
  const practices = request.practiceCodes ? new Set(request.practiceCodes) : null
  if (!practices) return all
  return all.filter((r) => practices.has(r.practiceCode))
}

/** What both scorers run, wherever the respondents were read: pure, the same input giving the same output. */
export const scoringWork = {
  score(request: WaveToScore, all: readonly Respondent[]): WaveScores {
    const input = { wave: request.wave, questionnaire: request.questionnaire, respondents: kept(request, all), options: request.options }
    return request.setting ? scoreWaveForSetting(input, request.setting) : scoreWave(input)
  },
  overall(request: WaveToScore, topScales: readonly string[], all: readonly Respondent[]): [string, GroupSummary][] {
    const respondents = kept(request, all).filter((r) => !request.setting || r.setting === request.setting)
    const found = respondentOverallOn(new Set(topScales), respondentScores(request.questionnaire, respondents))
    return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  },
  compare: compareWaves,
}

/** Scores on the calling thread: for an in-memory database (which no other connection can open), tests and the command line. */
export function createInlineWaveScorer(repos: Pick<Repositories, 'scoring'>): WaveScorer {
  return {
    score: async (request) => scoringWork.score(request, await repos.scoring.respondents(request.waveId, request.questionnaire.id)),
    overall: async (request, topScales) => scoringWork.overall(request, topScales, await repos.scoring.respondents(request.waveId, request.questionnaire.id)),
    answeredVersions: (waveId, questionnaireId) => repos.scoring.answeredVersions(waveId, questionnaireId),
    compare: async (from, to, compared) => compareWaves(from, to, compared),
    close: async () => {},
  }
}
