// Scores a wave of a programme from the database, one questionnaire at a time.
import { MixedQuestionnaireVersionsError, ValidationError } from '../errors.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { questionnaireSchema, type Questionnaire, type Setting } from '../questionnaires/definition-schema.js'
import {
  compareWaves,
  overallChange,
  respondentScores,
  scoreWave,
  scoreWaveForSetting,
  type ChangeRow,
  type OverallChange,
  type OverallWave,
  type ScoringOptions,
  type WaveScores,
} from '../scoring/index.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'

export type Weighting = ScoringOptions['weighting']

/** Which respondents to score: those of some practices only, and of one setting only (see scoreWaveForSetting). */
export interface RespondentFilter {
  practiceCodes?: ReadonlySet<string>
  setting?: Setting
}

export function createScoringService(repos: Pick<Repositories, 'scoring'>, catalogue: QuestionnaireCatalogue) {
  /** The definition the wave's answers were given to: scores must use the version people saw. */
  async function answeredDefinition(wave: Wave, questionnaireId: string): Promise<Questionnaire> {
    const versions = await repos.scoring.answeredVersions(wave.id, questionnaireId)
    if (versions.length > 1) {
      throw new MixedQuestionnaireVersionsError(wave.slug, questionnaireId, versions)
    }
    const current = catalogue.get(questionnaireId)
    if (versions.length === 0 || versions[0] === current.version) return current
    return questionnaireSchema.parse(JSON.parse((await repos.scoring.definitionJson(questionnaireId, versions[0]!))!))
  }

  async function scoreQuestionnaires(programme: Programme, wave: Wave, weighting: Weighting, filter: RespondentFilter = {}): Promise<WaveScores[]> {
    const options = { weighting, minPracticeN: programme.minPracticeN, minBreakdownN: programme.minBreakdownN }
    const { practiceCodes, setting } = filter
    const scores: WaveScores[] = []
    for (const id of wave.questionnaireIds.filter((q) => catalogue.get(q).scoring)) {
      const all = await repos.scoring.respondents(wave.id, id)
      const respondents = practiceCodes ? all.filter((r) => practiceCodes.has(r.practiceCode)) : all
      const input = { wave: wave.slug, questionnaire: await answeredDefinition(wave, id), respondents, options }
      scores.push(setting ? scoreWaveForSetting(input, setting) : scoreWave(input))
    }
    return scores
  }

  /** Each scored questionnaire of the wave with what its overall change needs: scores, bands and respondent scores. */
  async function overallWaves(programme: Programme, wave: Wave, filter: RespondentFilter): Promise<Map<string, OverallWave>> {
    const found = new Map<string, OverallWave>()
    for (const scores of await scoreQuestionnaires(programme, wave, 'respondents', filter)) {
      const definition = await answeredDefinition(wave, scores.questionnaire)
      const all = await repos.scoring.respondents(wave.id, scores.questionnaire)
      const kept = all.filter((r) => (!filter.practiceCodes || filter.practiceCodes.has(r.practiceCode)) && (!filter.setting || r.setting === filter.setting))
      found.set(scores.questionnaire, { scores, bands: definition.scoring?.bands ?? [], respondents: respondentScores(definition, kept) })
    }
    return found
  }

  return {
    scoreWave: scoreQuestionnaires,

    /** The definition a wave's answers to a questionnaire were given to: the one its scores' names, guidance and bands come from. */
    definition: answeredDefinition,

    /**
     * The scored definition's copy in a language, for the names and wording a page shows; undefined when the
     * questionnaire has none in that language for the version scored (the page then uses the scored definition's).
     */
    inLanguage(definition: Questionnaire, language: string | undefined): Questionnaire | undefined {
      if (language === undefined || language === definition.language) return undefined
      const copy = catalogue.find(definition.id, language)
      return copy && copy.language === language && copy.version === definition.version ? copy : undefined
    },

    /** Change per practice and scale for every scored questionnaire the two waves share. */
    async compare(programme: Programme, from: Wave, to: Wave, weighting: Weighting = 'respondents'): Promise<ChangeRow[]> {
      if (from.id === to.id) throw ValidationError.of('from', { key: 'reports:exports.errors.differentWave' })
      const before = new Map((await scoreQuestionnaires(programme, from, weighting)).map((s) => [s.questionnaire, s]))
      return (await scoreQuestionnaires(programme, to, weighting)).flatMap((after) => {
        const earlier = before.get(after.questionnaire)
        return earlier ? compareWaves(earlier, after) : []
      })
    },

    /**
     * The change in each practice's overall score from each of `froms` to `to`, per questionnaire both waves score, for
     * the same respondents as the comparison scores (`filter`); `to` is scored once, however many waves it is compared with.
     */
    async overallChanges(
      programme: Programme,
      froms: readonly Wave[],
      to: Wave,
      filter: RespondentFilter = {},
    ): Promise<Map<number, Map<string, OverallChange[]>>> {
      const after = await overallWaves(programme, to, filter)
      const changes = new Map<number, Map<string, OverallChange[]>>()
      for (const from of froms) {
        const before = await overallWaves(programme, from, filter)
        changes.set(from.id, new Map([...after].flatMap(([id, later]) => (before.has(id) ? [[id, overallChange(before.get(id)!, later)] as const] : []))))
      }
      return changes
    },
  }
}
export type ScoringService = ReturnType<typeof createScoringService>
