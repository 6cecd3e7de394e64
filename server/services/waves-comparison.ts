// Gathers what the "compare waves" page shows: one questionnaire's scores at every wave of the programme with
// responses, with the practices' context (and their implementation stage at each wave) to group them by.
import type { Repositories } from '../data/repository-interfaces.js'
import type { ImplementationStage, Practice } from '../domain/practice.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { MixedQuestionnaireVersionsError } from '../errors.js'
import type { Message } from '../i18n/translate.js'
import type { WaveScores } from '../scoring/index.js'
import type { ReportWave, ScoredQuestionnaire } from './report-service.js'
import type { ScoringService } from './scoring-service.js'

export interface WavesComparisonData {
  programme: Programme
  /** The scored questionnaires of the programme's waves with responses, in the order waves list them. */
  questionnaireIds: string[]
  /** The questionnaire shown (the one asked for if the programme scores it, else the first); null when none is scored. */
  questionnaire: string | null
  /** The questionnaire's definition and words, from the latest wave that scored it; null when none did. */
  words: Pick<ScoredQuestionnaire, 'definition' | 'texts'> | null
  /** Every wave with responses, oldest first: its scores of the questionnaire, or why it could not be scored. */
  waves: { wave: Wave; scores: WaveScores | null; problem: Message | null }[]
  practices: Practice[]
  stages: { practiceId: number; waveId: number; stage: ImplementationStage }[]
}

export async function wavesComparison(
  repos: Pick<Repositories, 'practices'>,
  scoring: ScoringService,
  list: readonly ReportWave[],
  programme: Programme,
  asked: string | undefined,
  language?: string,
): Promise<WavesComparisonData> {
  const scored: { wave: Wave; all: WaveScores[] | null; problem: Message | null }[] = []
  for (const { wave } of list.filter((w) => w.submitted > 0)) {
    try {
      scored.push({ wave, all: await scoring.scoreWave(programme, wave, 'respondents'), problem: null })
    } catch (error) {
      if (!(error instanceof MixedQuestionnaireVersionsError)) throw error
      scored.push({ wave, all: null, problem: error.text })
    }
  }
  const questionnaireIds = [...new Set(scored.flatMap((w) => (w.all ?? []).map((s) => s.questionnaire)))]
  const questionnaire = asked !== undefined && questionnaireIds.includes(asked) ? asked : (questionnaireIds[0] ?? null)
  const latest = scored.findLast((w) => w.all?.some((s) => s.questionnaire === questionnaire))
  let words: WavesComparisonData['words'] = null
  if (latest && questionnaire) {
    const definition = await scoring.definition(latest.wave, questionnaire)
    const texts = scoring.inLanguage(definition, language)
    words = { definition, ...(texts ? { texts } : {}) }
  }
  return {
    programme,
    questionnaireIds,
    questionnaire,
    words,
    waves: scored.map(({ wave, all, problem }) => ({ wave, scores: all?.find((s) => s.questionnaire === questionnaire) ?? null, problem })),
    practices: await repos.practices.listByProgramme(programme.id),
    stages: await repos.practices.stages(programme.id),
  }
}
