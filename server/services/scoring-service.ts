// Scores a wave of a programme from the database, one questionnaire at a time.
import { MixedQuestionnaireVersionsError, ValidationError } from '../errors.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { questionnaireSchema, type Questionnaire, type Setting } from '../questionnaires/definition-schema.js'
import { compareWaves, scoreWave, scoreWaveForSetting, type ChangeRow, type ScoringOptions, type WaveScores } from '../scoring/index.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import { createScoreCache, deepFreeze, type ScoreCache } from './score-cache.js'

export type Weighting = ScoringOptions['weighting']

/** Which respondents to score: those of some practices only, and of one setting only (see scoreWaveForSetting). */
export interface RespondentFilter {
  practiceCodes?: ReadonlySet<string>
  setting?: Setting
}

/** What kept scores weigh in the cache: their rows, which is what their memory grows with. */
const rowsOf = (scores: WaveScores) => scores.practices.length + scores.scaleStats.length + scores.general.length

/**
 * `cache` keeps what was computed under the wave's scores version, which every write that changes a wave's scores
 * raises in the database: a process never serves scores older than the version it reads, whichever process wrote.
 */
export function createScoringService(repos: Pick<Repositories, 'scoring'>, catalogue: QuestionnaireCatalogue, cache: ScoreCache = createScoreCache()) {
  /** The definition the wave's answers were given to: scores must use the version people saw. */
  async function answeredDefinition(wave: Wave, questionnaireId: string, scoresVersion?: number): Promise<Questionnaire> {
    const current = catalogue.get(questionnaireId)
    const version = scoresVersion ?? (await repos.scoring.scoresVersion(wave.id))
    // Not frozen: it is the catalogue's own object, or one parsed like it, which nothing changes.
    return cache.get(JSON.stringify(['definition', wave.id, version, questionnaireId, current.version]), async () => {
      const versions = await repos.scoring.answeredVersions(wave.id, questionnaireId)
      if (versions.length > 1) {
        throw new MixedQuestionnaireVersionsError(wave.slug, questionnaireId, versions)
      }
      if (versions.length === 0 || versions[0] === current.version) return current
      return questionnaireSchema.parse(JSON.parse((await repos.scoring.definitionJson(questionnaireId, versions[0]!))!))
    })
  }

  async function scoreQuestionnaires(programme: Programme, wave: Wave, weighting: Weighting, filter: RespondentFilter = {}): Promise<WaveScores[]> {
    const options = { weighting, minPracticeN: programme.minPracticeN, minBreakdownN: programme.minBreakdownN }
    const { practiceCodes, setting } = filter
    // Read before the answers: scores kept under this version are at least as new as it.
    const version = await repos.scoring.scoresVersion(wave.id)
    const scores: WaveScores[] = []
    for (const id of wave.questionnaireIds.filter((q) => catalogue.get(q).scoring)) {
      const questionnaire = await answeredDefinition(wave, id, version)
      const practices = practiceCodes ? [...practiceCodes].sort() : null
      const key = [
        'scores',
        wave.id,
        version,
        id,
        questionnaire.version,
        wave.slug,
        weighting,
        options.minPracticeN,
        options.minBreakdownN,
        setting ?? null,
        practices,
      ]
      const scored = cache.get(
        JSON.stringify(key),
        async () => {
          const all = await repos.scoring.respondents(wave.id, id)
          const respondents = practiceCodes ? all.filter((r) => practiceCodes.has(r.practiceCode)) : all
          const input = { wave: wave.slug, questionnaire, respondents, options }
          // Shared by every request until the wave changes: a page model that changed them would throw, not spoil the next page.
          return deepFreeze(setting ? scoreWaveForSetting(input, setting) : scoreWave(input))
        },
        rowsOf,
      )
      scores.push(await scored)
    }
    return scores
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
  }
}
export type ScoringService = ReturnType<typeof createScoringService>
