// Scores a wave of a programme from the database, one questionnaire at a time.
import { MixedQuestionnaireVersionsError, ValidationError } from '../errors.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { questionnaireSchema, type Questionnaire, type Setting } from '../questionnaires/definition-schema.js'
import { analyseItems, type InstrumentQuality } from '../scoring/item-analysis.js'
import { buildScoringPlan } from '../scoring/scoring-plan.js'
import {
  commonItemsDefinition,
  compareWaves,
  overallChange,
  respondentScores,
  scoreWave,
  scoreWaveForSetting,
  versionBreak,
  type ChangeRow,
  type OverallChange,
  type OverallWave,
  type ScoringOptions,
  type VersionBreak,
  type WaveScores,
} from '../scoring/index.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import { createScoreCache, deepFreeze, type ScoreCache } from './score-cache.js'

export type Weighting = ScoringOptions['weighting']

/** Which respondents to score: those of some practices only, and of one setting only (see scoreWaveForSetting). */
export interface RespondentFilter {
  practiceCodes?: ReadonlySet<string>
  setting?: Setting
}

/** The change between two waves, and for each questionnaire answered in two versions what the change leaves out. */
export interface WaveChange {
  rows: ChangeRow[]
  breaks: VersionBreak[]
}

/** What kept scores weigh in the cache: their rows, which is what their memory grows with. */
const rowsOf = (scores: WaveScores) => scores.practices.length + scores.scaleStats.length + scores.general.length

/** Which items a definition scores: a copy restricted to the items two versions share scores differently from the whole. */
const scoredItemsOf = (definition: Questionnaire) =>
  definition.sections.flatMap((section) => section.items.flatMap((item) => ('scale' in item && item.scale ? [item.id] : []))).join(',')

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

  async function scoreOne(
    programme: Programme,
    wave: Wave,
    definition: Questionnaire,
    weighting: Weighting,
    filter: RespondentFilter,
    /** The wave's scores version, read before the answers: scores kept under it are at least as new as it. */
    version: number,
  ): Promise<WaveScores> {
    const options = { weighting, minPracticeN: programme.minPracticeN, minBreakdownN: programme.minBreakdownN }
    const { practiceCodes, setting } = filter
    const practices = practiceCodes ? [...practiceCodes].sort() : null
    const key = [
      'scores',
      wave.id,
      version,
      definition.id,
      definition.version,
      scoredItemsOf(definition),
      wave.slug,
      weighting,
      options.minPracticeN,
      options.minBreakdownN,
      setting ?? null,
      practices,
    ]
    return cache.get(
      JSON.stringify(key),
      async () => {
        const all = await repos.scoring.respondents(wave.id, definition.id)
        const respondents = practiceCodes ? all.filter((r) => practiceCodes.has(r.practiceCode)) : all
        const input = { wave: wave.slug, questionnaire: definition, respondents, options }
        // Shared by every request until the wave changes: a page model that changed them would throw, not spoil the next page.
        return deepFreeze(setting ? scoreWaveForSetting(input, setting) : scoreWave(input))
      },
      rowsOf,
    )
  }

  const scoredIds = (wave: Wave) => wave.questionnaireIds.filter((q) => catalogue.get(q).scoring)

  async function scoreQuestionnaires(programme: Programme, wave: Wave, weighting: Weighting, filter: RespondentFilter = {}): Promise<WaveScores[]> {
    const version = await repos.scoring.scoresVersion(wave.id)
    const scores: WaveScores[] = []
    for (const id of scoredIds(wave)) scores.push(await scoreOne(programme, wave, await answeredDefinition(wave, id, version), weighting, filter, version))
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

  /**
   * Change per practice and scale for every scored questionnaire the two waves share. Where the waves were answered in
   * two versions, both are scored again on the scored items the versions share (commonItemsDefinition), so the change
   * compares like with like; the break says which items it leaves out.
   */
  async function compareWithBreaks(programme: Programme, from: Wave, to: Wave, weighting: Weighting = 'respondents'): Promise<WaveChange> {
    if (from.id === to.id) throw ValidationError.of('from', { key: 'reports:exports.errors.differentWave' })
    const change: WaveChange = { rows: [], breaks: [] }
    const earlierIds = new Set(scoredIds(from))
    const [fromVersion, toVersion] = [await repos.scoring.scoresVersion(from.id), await repos.scoring.scoresVersion(to.id)]
    for (const id of scoredIds(to).filter((q) => earlierIds.has(q))) {
      const [before, after] = [await answeredDefinition(from, id, fromVersion), await answeredDefinition(to, id, toVersion)]
      const found = versionBreak(before, after)
      const [a, b] = found ? [commonItemsDefinition(before, after), commonItemsDefinition(after, before)] : [before, after]
      const [earlier, later] = [await scoreOne(programme, from, a, weighting, {}, fromVersion), await scoreOne(programme, to, b, weighting, {}, toVersion)]
      change.rows.push(...compareWaves(earlier, later, b))
      if (found) change.breaks.push(found)
    }
    return change
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

    compareWithBreaks,

    /**
     * Instrument quality (item-analysis.ts) of each scored questionnaire of the wave, from every submitted response not
     * set aside, or those of one setting. Kept under the wave's scores version like its scores: the page analyses
     * every wave of the programme for its alpha across waves, and each wave changes rarely.
     */
    async itemAnalysis(wave: Wave, setting?: Setting): Promise<InstrumentQuality[]> {
      const version = await repos.scoring.scoresVersion(wave.id)
      const found: InstrumentQuality[] = []
      for (const id of scoredIds(wave)) {
        const definition = await answeredDefinition(wave, id, version)
        const key = ['item-analysis', wave.id, version, definition.id, definition.version, setting ?? null]
        found.push(
          await cache.get(
            JSON.stringify(key),
            async () => {
              const all = await repos.scoring.respondents(wave.id, id)
              return deepFreeze(analyseItems(buildScoringPlan(definition), setting ? all.filter((r) => r.setting === setting) : all, setting))
            },
            (q) => q.scales.length + q.items.length,
          ),
        )
      }
      return found
    },

    /** Change per practice and scale for every scored questionnaire the two waves share (see compareWithBreaks). */
    async compare(programme: Programme, from: Wave, to: Wave, weighting: Weighting = 'respondents'): Promise<ChangeRow[]> {
      return (await compareWithBreaks(programme, from, to, weighting)).rows
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
