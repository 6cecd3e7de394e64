// Scores a wave of a programme from the database, one questionnaire at a time.
import { MixedQuestionnaireVersionsError, ValidationError } from '../errors.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { questionnaireSchema, type Questionnaire, type Setting } from '../questionnaires/definition-schema.js'
import type { InstrumentQuality } from '../scoring/item-analysis.js'
import {
  comparedDefinitions,
  overallChange,
  topScales,
  type ChangeRow,
  type OverallChange,
  type OverallWave,
  type ScoringOptions,
  type VersionBreak,
  type Respondent,
  type WaveScores,
} from '../scoring/index.js'
import { waveScoring, type WaveScoresInTurn } from '../scoring/score-wave.js'
import { compareWavesInTurn } from '../scoring/wave-change.js'
import { scoredPractices } from '../scoring/scored-practices.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import { createScoreCache, deepFreeze, type ScoreCache } from './score-cache.js'
import { createInlineWaveScorer, type WaveScorer } from './wave-scorer.js'

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

/** The change in overall score since one wave, by questionnaire, and for each answered in two versions what it leaves out. */
export interface OverallChangeSince {
  byQuestionnaire: Map<string, OverallChange[]>
  breaks: VersionBreak[]
}

/** What kept scores weigh in the cache: their rows, which is what their memory grows with. */
const rowsOf = (scores: WaveScores) => scores.practices.length + scores.scaleStats.length + scores.general.length

type WaveScoring = ReturnType<typeof waveScoring>

/** Which items a definition scores: a copy restricted to the items two versions share scores differently from the whole. */
const scoredItemsOf = (definition: Questionnaire) =>
  definition.sections.flatMap((section) => section.items.flatMap((item) => ('scale' in item && item.scale ? [item.id] : []))).join(',')

/** What a change's rows weigh: a row each, as scores do. */
const changeRowsOf = (change: { rows: readonly ChangeRow[] }) => change.rows.length

/** The programme's thresholds, which every kept figure depends on (a change to them is no version bump, so they are part of each key). */
const thresholdsOf = (programme: Programme) => [programme.minPracticeN, programme.minBreakdownN]

/**
 * `cache` keeps what was computed under the wave's scores version, which every write that changes a wave's scores
 * raises in the database: a process never serves scores older than the version it reads, whichever process wrote.
 * `scorer` reads and scores a wave, on this thread or off it (wave-scorer.ts).
 */
export function createScoringService(
  repos: Pick<Repositories, 'scoring' | 'exports'>,
  catalogue: QuestionnaireCatalogue,
  cache: ScoreCache = createScoreCache(),
  scorer: WaveScorer = createInlineWaveScorer(repos),
) {
  /** The definition the wave's answers were given to: scores must use the version people saw. */
  async function answeredDefinition(wave: Wave, questionnaireId: string, scoresVersion?: number): Promise<Questionnaire> {
    const current = catalogue.get(questionnaireId)
    const version = scoresVersion ?? (await repos.scoring.scoresVersion(wave.id))
    // Not frozen: it is the catalogue's own object, or one parsed like it, which nothing changes.
    return cache.get(JSON.stringify(['definition', wave.id, version, questionnaireId, current.version]), async () =>
      definitionAnswered(wave, questionnaireId, await scorer.answeredVersions(wave.id, questionnaireId, version)),
    )
  }

  /** The definition of the versions a wave's answers to a questionnaire were given to: one version, or none yet (the current). */
  async function definitionAnswered(wave: Wave, questionnaireId: string, versions: readonly number[]): Promise<Questionnaire> {
    const current = catalogue.get(questionnaireId)
    if (versions.length > 1) throw new MixedQuestionnaireVersionsError(wave.slug, questionnaireId, versions)
    if (versions.length === 0 || versions[0] === current.version) return current
    return questionnaireSchema.parse(JSON.parse((await repos.scoring.definitionJson(questionnaireId, versions[0]!))!))
  }

  /** answeredDefinition from the database's own list of versions: no scorer reads the wave whole for it. */
  const definitionRead = async (wave: Wave, questionnaireId: string) =>
    definitionAnswered(wave, questionnaireId, await repos.exports.answeredVersions(wave.id, questionnaireId))

  /**
   * The wave's scores of `scored` (`answered`, or its copy restricted to the items two versions share) as a one-off
   * export needs them: read practice by practice (ExportRepository.answeredPractices), so that one practice's
   * respondents are held at a time, and kept nowhere. The same as scoreOne's to the last bit (waveScoring).
   */
  async function scoresReadPracticeByPractice(
    programme: Programme,
    wave: Wave,
    answered: Questionnaire,
    scored: Questionnaire,
    weighting: Weighting,
  ): Promise<WaveScoring> {
    const scoring = waveScoring({ wave: wave.slug, questionnaire: scored, options: scoringOptions(programme, weighting) })
    for await (const { responses } of repos.exports.answeredPractices(wave.id, scored.id)) {
      const respondents: Respondent[] = []
      for (const { respondent, versions } of responses) {
        // Answered in another version since the versions were read: a whole read would now refuse the wave too.
        const other = versions.find((v) => v !== answered.version)
        if (other !== undefined)
          throw new MixedQuestionnaireVersionsError(
            wave.slug,
            scored.id,
            [answered.version, other].sort((a, b) => a - b),
          )
        if (respondent) respondents.push(respondent)
      }
      for (const practice of scoredPractices(scoring.plan, respondents)) scoring.add(practice)
    }
    return scoring
  }

  const scoringOptions = (programme: Programme, weighting: Weighting) => ({
    weighting,
    minPracticeN: programme.minPracticeN,
    minBreakdownN: programme.minBreakdownN,
  })

  /** What a kept figure of the wave's questionnaire is keyed by: the wave as scored, the definition and whose answers count. */
  function waveKey(programme: Programme, wave: Wave, definition: Questionnaire, filter: RespondentFilter, version: number) {
    const practices = filter.practiceCodes ? [...filter.practiceCodes].sort() : null
    return [
      wave.id,
      version,
      wave.slug,
      definition.id,
      definition.version,
      scoredItemsOf(definition),
      ...thresholdsOf(programme),
      filter.setting ?? null,
      practices,
    ]
  }

  function request(programme: Programme, wave: Wave, definition: Questionnaire, weighting: Weighting, filter: RespondentFilter, version: number) {
    return {
      waveId: wave.id,
      version,
      wave: wave.slug,
      questionnaire: definition,
      options: scoringOptions(programme, weighting),
      ...(filter.practiceCodes ? { practiceCodes: [...filter.practiceCodes] } : {}),
      ...(filter.setting ? { setting: filter.setting } : {}),
    }
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
    return cache.get(
      JSON.stringify(['scores', weighting, ...waveKey(programme, wave, definition, filter, version)]),
      // Shared by every request until the wave changes: a page model that changed them would throw, not spoil the next page.
      async () => deepFreeze(await scorer.score(request(programme, wave, definition, weighting, filter, version))),
      rowsOf,
    )
  }

  const scoredIds = (wave: Wave) => wave.questionnaireIds.filter((q) => catalogue.get(q).scoring)
  /** The scored questionnaires both waves ask, in the later wave's order: those a change between them compares. */
  const sharedScoredIds = (from: Wave, to: Wave) => {
    const earlier = new Set(scoredIds(from))
    return scoredIds(to).filter((q) => earlier.has(q))
  }

  async function scoreQuestionnaires(programme: Programme, wave: Wave, weighting: Weighting, filter: RespondentFilter = {}): Promise<WaveScores[]> {
    const version = await repos.scoring.scoresVersion(wave.id)
    const scores: WaveScores[] = []
    for (const id of scoredIds(wave)) scores.push(await scoreOne(programme, wave, await answeredDefinition(wave, id, version), weighting, filter, version))
    return scores
  }

  /**
   * A wave's scores of one definition with what its overall change needs: bands and its practices' respondents' overall
   * scores, kept like the scores (the respondents' own scores are a thousand times larger, and not kept).
   */
  async function overallWave(programme: Programme, wave: Wave, definition: Questionnaire, filter: RespondentFilter, version: number): Promise<OverallWave> {
    const scores = await scoreOne(programme, wave, definition, 'respondents', filter, version)
    const overall = await cache.get(
      JSON.stringify(['overall', ...waveKey(programme, wave, definition, filter, version)]),
      async () => deepFreeze(await scorer.overall(request(programme, wave, definition, 'respondents', filter, version), [...topScales(scores)])),
      (entries) => entries.length,
    )
    return { scores, bands: definition.scoring?.bands ?? [], overall: new Map(overall) }
  }

  /**
   * Change per practice and scale for every scored questionnaire the two waves share. Where the waves were answered in
   * two versions, both are scored again on the scored items the versions share (commonItemsDefinition), so the change
   * compares like with like; the break says which items it leaves out. Each questionnaire's change is kept under both
   * waves' versions.
   */
  async function compareWithBreaks(
    programme: Programme,
    from: Wave,
    to: Wave,
    weighting: Weighting = 'respondents',
    /** Only this practice's rows (a scorecard's): worked out and sent back for it alone, and kept apart. */
    practiceCode?: string,
  ): Promise<WaveChange> {
    if (from.id === to.id) throw ValidationError.of('from', { key: 'reports:exports.errors.differentWave' })
    const change: WaveChange = { rows: [], breaks: [] }
    const [fromVersion, toVersion] = [await repos.scoring.scoresVersion(from.id), await repos.scoring.scoresVersion(to.id)]
    for (const id of sharedScoredIds(from, to)) {
      const [before, after] = [await answeredDefinition(from, id, fromVersion), await answeredDefinition(to, id, toVersion)]
      const key = [
        'change',
        weighting,
        practiceCode ?? null,
        ...waveKey(programme, from, before, {}, fromVersion),
        ...waveKey(programme, to, after, {}, toVersion),
      ]
      const kept = await cache.get(
        JSON.stringify(key),
        async () => {
          const compared = comparedDefinitions(before, after)
          // Compared where the scores were made (the scorer keeps its last), not sent to it and back.
          const earlier = request(programme, from, compared.from, weighting, {}, fromVersion)
          const later = request(programme, to, compared.to, weighting, {}, toVersion)
          return deepFreeze({ rows: await scorer.compare(earlier, later, compared.to, practiceCode), found: compared.found })
        },
        changeRowsOf,
      )
      change.rows.push(...kept.rows)
      if (kept.found) change.breaks.push(kept.found)
    }
    return change
  }

  /**
   * The change in overall score of each practice between two waves, per questionnaire both score, kept under both
   * versions. As for the change per scale, two waves answered in different versions are both scored on the scored
   * items the versions share, so the change compares like with like; the break says which items it leaves out.
   */
  async function overallChangesBetween(programme: Programme, from: Wave, to: Wave, filter: RespondentFilter): Promise<OverallChangeSince> {
    const practices = filter.practiceCodes ? [...filter.practiceCodes].sort() : null
    const [fromVersion, toVersion] = [await repos.scoring.scoresVersion(from.id), await repos.scoring.scoresVersion(to.id)]
    const key = [
      'overall-change',
      from.id,
      from.slug,
      from.questionnaireIds,
      to.id,
      to.slug,
      to.questionnaireIds,
      fromVersion,
      toVersion,
      ...thresholdsOf(programme),
      filter.setting ?? null,
      practices,
    ]
    const kept = await cache.get(
      JSON.stringify(key),
      async () => {
        const rows: [string, OverallChange[]][] = []
        const breaks: VersionBreak[] = []
        for (const id of sharedScoredIds(from, to)) {
          const compared = comparedDefinitions(await answeredDefinition(from, id, fromVersion), await answeredDefinition(to, id, toVersion))
          const earlier = await overallWave(programme, from, compared.from, filter, fromVersion)
          const later = await overallWave(programme, to, compared.to, filter, toVersion)
          rows.push([id, overallChange(earlier, later)])
          if (compared.found) breaks.push(compared.found)
        }
        return deepFreeze({ rows, breaks })
      },
      ({ rows }) => rows.reduce((n, [, changes]) => n + changes.length, 0),
    )
    return { byQuestionnaire: new Map(kept.rows), breaks: kept.breaks }
  }

  return {
    scoreWave: scoreQuestionnaires,

    /**
     * scoreWave for a one-off export (the command line): each scored questionnaire's scores in turn, read practice by
     * practice and kept nowhere, so that a process holds one questionnaire's rows and one practice's respondents at a
     * time. Every definition is found first, so that a wave answered in two versions is refused before anything is written.
     */
    async scoresInTurn(programme: Programme, wave: Wave, weighting: Weighting): Promise<AsyncIterable<WaveScoresInTurn>> {
      const definitions: Questionnaire[] = []
      for (const id of scoredIds(wave)) definitions.push(await definitionRead(wave, id))
      return (async function* () {
        for (const definition of definitions) yield (await scoresReadPracticeByPractice(programme, wave, definition, definition, weighting)).inTurn()
      })()
    },

    /** compare for a one-off export, as scoresInTurn scores: the change rows a practice at a time, both waves read practice by practice. */
    async changeInTurn(programme: Programme, from: Wave, to: Wave, weighting: Weighting = 'respondents'): Promise<AsyncIterable<ChangeRow[]>> {
      if (from.id === to.id) throw ValidationError.of('from', { key: 'reports:exports.errors.differentWave' })
      const pairs: [Questionnaire, Questionnaire][] = []
      for (const id of sharedScoredIds(from, to)) pairs.push([await definitionRead(from, id), await definitionRead(to, id)])
      return (async function* () {
        for (const [before, after] of pairs) {
          const compared = comparedDefinitions(before, after)
          const earlier = (await scoresReadPracticeByPractice(programme, from, before, compared.from, weighting)).inTurn()
          const later = (await scoresReadPracticeByPractice(programme, to, after, compared.to, weighting)).inTurn()
          yield* compareWavesInTurn(earlier, later, compared.to)
        }
      })()
    },

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
     * set aside, or those of one setting, worked out by the scorer (off the thread serving pages when it has threads).
     * Kept under the wave's scores version like its scores: the page analyses every wave of the programme for its
     * alpha across waves, and each wave changes rarely.
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
            async () => deepFreeze(await scorer.itemAnalysis({ waveId: wave.id, version, questionnaire: definition, ...(setting ? { setting } : {}) })),
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
    async overallChanges(programme: Programme, froms: readonly Wave[], to: Wave, filter: RespondentFilter = {}): Promise<Map<number, OverallChangeSince>> {
      const changes = new Map<number, OverallChangeSince>()
      for (const from of froms) changes.set(from.id, await overallChangesBetween(programme, from, to, filter))
      return changes
    },

    /** Lets go of the scorer's threads (graceful stop). */
    close: () => scorer.close(),
  }
}
export type ScoringService = ReturnType<typeof createScoringService>
