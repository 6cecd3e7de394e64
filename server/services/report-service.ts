// Gathers what the practice scorecard and the programme comparison show: scores, change, counts and free text.
import { MixedQuestionnaireVersionsError, NotFoundError } from '../errors.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { PracticeAction } from '../domain/practice-action.js'
import type { ImplementationStage, Practice, Rurality } from '../domain/practice.js'
import type { Programme } from '../domain/programme.js'
import { countsBySetting, type InvitationCount, type SubmittedCount } from '../domain/response-counts.js'
import type { Wave } from '../domain/wave.js'
import type { Questionnaire, Setting } from '../questionnaires/definition-schema.js'
import { freeTextItems } from '../questionnaires/questionnaire-model.js'
import { shownSettings, audienceShown, type ChangeRow, type OverallChange, type VersionBreak, type WaveScores } from '../scoring/index.js'
import type { Language } from '../i18n/languages.js'
import type { Message } from '../i18n/translate.js'
import type { ScoringService, WaveChange } from './scoring-service.js'
import { createScoreCache, deepFreeze, type ScoreCache } from './score-cache.js'
import { wavesComparison } from './waves-comparison.js'

export interface ReportWave {
  wave: Wave
  /** Submitted responses in the whole programme. */
  submitted: number
}

export interface ScoredQuestionnaire {
  definition: Questionnaire
  scores: WaveScores
  /** The definition in the page's language, for the names of scales, levels and bands and the items' wording; absent: the definition's own. */
  texts?: Questionnaire
}

export interface TextAnswerGroup {
  questionnaireId: string
  itemId: string
  /** The question as the definition words it in the page's language, {intervention} not yet filled in. */
  text: string
  /**
   * Sorted by their text, never by who wrote them or when; each with the language its response was given in. On the
   * review page each also says which response it is (to hide it) and whether it is hidden; on the scorecard neither.
   */
  answers: { text: string; language: Language; responseId?: number; hidden?: boolean }[]
  /** How many answers an evaluator hid from the scorecard. */
  hidden: number
  /**
   * The settings the question was asked of, when its answers are withheld because they would say which withheld
   * setting wrote them (audienceShown); null when shown. A withheld group carries no answers.
   */
  withheldFor: Setting[] | null
}

export interface ScorecardData {
  programme: Programme
  practice: Practice
  waves: ReportWave[]
  /** null when the programme has no waves yet. */
  wave: Wave | null
  /** The wave before, by position; null for the first. */
  previousWave: Wave | null
  questionnaires: ScoredQuestionnaire[]
  /** The practice's change from previousWave to wave; null without a previous wave, or when it cannot be scored. */
  change: ChangeRow[] | null
  /** Why the change is not given although there is a previous wave (its answers span two questionnaire versions). */
  changeProblem: Message | string | null
  /** The questionnaires answered in another version at the previous wave: what the change leaves out. */
  changeBreaks: VersionBreak[]
  responses: { submitted: SubmittedCount[]; invitations: InvitationCount[] }
  /** null when the practice has fewer submitted responses than programme.minPracticeN: free text is then never read. */
  textAnswers: TextAnswerGroup[] | null
  /** Whether the user may review (and hide) the practice's free text: its programme's evaluators and admins. */
  canReviewText?: boolean
  /** The practice's actions for this wave's priorities. */
  actions: PracticeAction[]
  /** The practice's actions for the previous wave's priorities, shown beside the change since. */
  earlierActions: PracticeAction[]
  /**
   * Every wave up to the one shown that has responses (and the one shown), oldest first, each scored whole; a wave
   * that cannot be scored (its answers span two questionnaire versions) has a problem instead: a break in the line.
   */
  trajectory: TrajectoryWave[]
  /** The practice's change from the first wave of the trajectory to the one shown, when the first is neither it nor the previous. */
  sinceFirst: { wave: Wave; change: ChangeRow[] | null; changeProblem: Message | null; changeBreaks: VersionBreak[] } | null
}

export interface TrajectoryWave {
  wave: Wave
  scores: WaveScores[] | null
  problem: Message | null
}

export interface ComparisonFilters {
  deprivationQuintile?: number
  rurality?: Rurality
  spModel?: string
  setting?: Setting
}

export interface ComparisonData {
  programme: Programme
  waves: ReportWave[]
  wave: Wave | null
  /** Every practice of the programme, for the filter choices. */
  allPractices: Practice[]
  /** The practices the context filters keep, in code order. */
  practices: Practice[]
  /** Scored from the kept practices' respondents only (and one setting's, when filtered by setting). */
  questionnaires: ScoredQuestionnaire[]
  /** Each practice's responses and invitations at the wave shown, by practice id; a practice with neither is absent. */
  responses: Map<number, { submitted: SubmittedCount[]; invitations: InvitationCount[] }>
  /** The implementation stage recorded for each practice (by id) at the wave shown; absent when none was. */
  stages: Map<number, ImplementationStage>
  /**
   * The change in overall score since the wave before the one shown, then since the programme's first wave when that is
   * another; from the same respondents as the scores. Empty for the first wave.
   */
  changes: ComparisonChange[]
}

export interface ComparisonChange {
  since: Wave
  /** By questionnaire; null when it cannot be worked out (answers spanning two questionnaire versions): `problem` says why. */
  byQuestionnaire: Map<string, OverallChange[]> | null
  /** Each questionnaire the two waves were answered in different versions of: the change compares the items both ask. */
  breaks: VersionBreak[]
  problem: Message | null
}

/** What `build` gives, or why it cannot be had: answers that span two questionnaire versions (a wave's scores, a change). */
async function orProblem<T>(build: () => Promise<T>): Promise<{ value: T | null; problem: Message | null }> {
  try {
    return { value: await build(), problem: null }
  } catch (error) {
    if (error instanceof MixedQuestionnaireVersionsError) return { value: null, problem: error.text }
    throw error
  }
}

/** The change between two waves and what it leaves out across questionnaire versions, or why there is none. */
async function changeOrProblem(
  build: () => Promise<WaveChange>,
): Promise<{ change: ChangeRow[] | null; changeProblem: Message | null; changeBreaks: VersionBreak[] }> {
  const { value, problem } = await orProblem(build)
  return { change: value?.rows ?? null, changeProblem: problem, changeBreaks: value?.breaks ?? [] }
}

export function matchesContext(practice: Practice, filters: ComparisonFilters): boolean {
  return (
    (filters.deprivationQuintile === undefined || practice.deprivationQuintile === filters.deprivationQuintile) &&
    (filters.rurality === undefined || practice.rurality === filters.rurality) &&
    (filters.spModel === undefined || practice.spModel === filters.spModel)
  )
}

/**
 * `cache` keeps each programme's submitted counts under its waves' scores versions, raised by every write that changes
 * which responses are submitted and not set aside: the count over every response of the programme was most of a warm page's time.
 */
export function createReportService(
  repos: Pick<Repositories, 'practices' | 'waves' | 'reports' | 'actions' | 'fieldwork' | 'scoring'>,
  scoring: ScoringService,
  cache: ScoreCache = createScoreCache(),
) {
  async function waves(programme: Programme): Promise<ReportWave[]> {
    const list = await repos.waves.listByProgramme(programme.id)
    const versions = await repos.scoring.scoresVersions(list.map((w) => w.id))
    const key = JSON.stringify(['submitted', programme.id, [...versions]])
    const submitted = new Map(
      await cache.get(
        key,
        async () => deepFreeze([...(await repos.reports.submittedByWave(programme.id))]),
        (n) => n.length,
      ),
    )
    return list.map((wave) => ({ wave, submitted: submitted.get(wave.id) ?? 0 }))
  }

  /** The wave asked for (404 when the programme has none by that name), else the latest with submitted responses, else the latest. */
  function chooseWave(list: ReportWave[], slug: string | undefined): Wave | null {
    if (slug !== undefined) {
      const found = list.find((w) => w.wave.slug === slug)
      if (!found) throw new NotFoundError()
      return found.wave
    }
    return (list.findLast((w) => w.submitted > 0) ?? list.at(-1))?.wave ?? null
  }

  async function scored(
    programme: Programme,
    wave: Wave,
    filter: Parameters<ScoringService['scoreWave']>[3] = {},
    language?: string,
  ): Promise<ScoredQuestionnaire[]> {
    const scored: ScoredQuestionnaire[] = []
    for (const scores of await scoring.scoreWave(programme, wave, 'respondents', filter)) {
      const definition = await scoring.definition(wave, scores.questionnaire)
      const texts = scoring.inLanguage(definition, language)
      scored.push({ definition, scores, ...(texts ? { texts } : {}) })
    }
    return scored
  }

  /** Every questionnaire of the wave with its definition (as answered) and its words in the page's language, scored or not. */
  async function waveDefinitions(wave: Wave, scored: ScoredQuestionnaire[], language?: string): Promise<Pick<ScoredQuestionnaire, 'definition' | 'texts'>[]> {
    const found: Pick<ScoredQuestionnaire, 'definition' | 'texts'>[] = []
    for (const id of wave.questionnaireIds) {
      const known = scored.find((q) => q.definition.id === id)
      if (known) {
        found.push(known)
        continue
      }
      try {
        const definition = await scoring.definition(wave, id)
        const texts = scoring.inLanguage(definition, language)
        found.push({ definition, ...(texts ? { texts } : {}) })
      } catch (error) {
        // An unscored questionnaire whose answers span two versions: its free text waits for the evaluator's exports.
        if (!(error instanceof MixedQuestionnaireVersionsError)) throw error
      }
    }
    return found
  }

  /**
   * Every free-text question of the wave (scored questionnaires or not), grouped by question in the wave's order, with
   * the answers an evaluator has not hidden; `reviewing` keeps the hidden ones too, marked, for the review page.
   */
  async function textAnswers(
    wave: Wave,
    practice: Practice,
    definitions: Pick<ScoredQuestionnaire, 'definition' | 'texts'>[],
    shown: ReadonlySet<Setting>,
    reviewing = false,
  ): Promise<TextAnswerGroup[]> {
    const groups: TextAnswerGroup[] = []
    for (const { definition, texts } of definitions) {
      const wording = new Map(freeTextItems(texts ?? definition).map((i) => [i.id, i.text]))
      const all = freeTextItems(definition)
      const common = (item: (typeof all)[number]) => ({ questionnaireId: definition.id, itemId: item.id, text: wording.get(item.id) ?? item.text })
      for (const item of all.filter((i) => !audienceShown(i.settings, shown)))
        groups.push({ ...common(item), answers: [], hidden: 0, withheldFor: item.settings })
      const items = all.filter((i) => audienceShown(i.settings, shown))
      if (items.length === 0) continue
      const answers = await repos.reports.textAnswers(
        wave.id,
        practice.id,
        definition.id,
        items.map((i) => i.id),
      )
      for (const item of items) {
        const mine = answers.filter((a) => a.itemId === item.id)
        groups.push({
          ...common(item),
          answers: mine
            .filter((a) => reviewing || !a.hidden)
            .map((a) => ({ text: a.value, language: a.language, ...(reviewing ? { responseId: a.responseId, hidden: a.hidden } : {}) })),
          hidden: mine.filter((a) => a.hidden).length,
          withheldFor: null,
        })
      }
    }
    return groups
  }

  /**
   * The practice's free text as the scorecard (or, `reviewing`, the evaluator's review) shows it; null below the
   * programme's minimum of responses, when it is never read. `definitions` is asked for only above it.
   */
  async function practiceFreeText(
    programme: Programme,
    wave: Wave,
    practice: Practice,
    submitted: SubmittedCount[],
    definitions: () => Promise<Pick<ScoredQuestionnaire, 'definition' | 'texts'>[]>,
    reviewing = false,
  ): Promise<TextAnswerGroup[] | null> {
    if (submitted.reduce((sum, c) => sum + c.n, 0) < programme.minPracticeN) return null
    return textAnswers(wave, practice, await definitions(), shownSettings(countsBySetting(submitted), programme), reviewing)
  }

  /** The waves up to `shown` with responses, each scored (the one shown as already scored), and the practice's change since the first. */
  async function trajectory(
    programme: Programme,
    practice: Practice,
    upTo: ReportWave[],
    shown: Wave,
    previous: Wave | null,
    shownScores: ScoredQuestionnaire[],
  ) {
    const waves: TrajectoryWave[] = []
    for (const { wave, submitted } of upTo) {
      if (wave.id === shown.id) waves.push({ wave, scores: shownScores.map((q) => q.scores), problem: null })
      else if (submitted > 0) {
        const { value, problem } = await orProblem(() => scoring.scoreWave(programme, wave, 'respondents'))
        waves.push({ wave, scores: value, problem })
      }
    }
    const first = waves[0]!.wave
    const sinceFirst =
      first.id === shown.id || first.id === previous?.id
        ? null
        : { wave: first, ...(await changeOrProblem(() => scoring.compareWithBreaks(programme, first, shown, 'respondents', practice.code))) }
    return { trajectory: waves, sinceFirst }
  }

  return {
    /** `language`: the page's, for the questionnaires' words (scores, codes and answers are the same in every language). */
    async scorecard(programme: Programme, practice: Practice, waveSlug?: string, language?: string): Promise<ScorecardData> {
      const list = await waves(programme)
      const wave = chooseWave(list, waveSlug)
      const empty = { submitted: [], invitations: [] }
      if (!wave)
        return {
          programme,
          practice,
          waves: list,
          wave,
          previousWave: null,
          questionnaires: [],
          change: null,
          changeProblem: null,
          changeBreaks: [],
          responses: empty,
          textAnswers: null,
          actions: [],
          earlierActions: [],
          trajectory: [],
          sinceFirst: null,
        }
      const position = list.findIndex((w) => w.wave.id === wave.id)
      const previousWave = position > 0 ? list[position - 1]!.wave : null
      const questionnaires = await scored(programme, wave, {}, language)
      const submitted = await repos.reports.submittedCounts(wave.id, practice.id)
      return {
        programme,
        practice,
        waves: list,
        wave,
        previousWave,
        questionnaires,
        ...(previousWave
          ? await changeOrProblem(() => scoring.compareWithBreaks(programme, previousWave, wave, 'respondents', practice.code))
          : { change: null, changeProblem: null, changeBreaks: [] }),
        responses: { submitted, invitations: await repos.reports.invitationCounts(wave.id, practice.id) },
        textAnswers: await practiceFreeText(programme, wave, practice, submitted, () => waveDefinitions(wave, questionnaires, language)),
        actions: await repos.actions.listForWave(practice.id, wave.id),
        earlierActions: previousWave ? await repos.actions.listForWave(practice.id, previousWave.id) : [],
        ...(await trajectory(programme, practice, list.slice(0, position + 1), wave, previousWave, questionnaires)),
      }
    },

    /**
     * A practice's free text for its evaluator to review: every answer, those hidden marked. `groups` is null while the
     * practice has too few responses for the scorecard to show any (the review page then says so and shows none).
     */
    async textReview(programme: Programme, practice: Practice, waveSlug?: string, language?: string) {
      const list = await waves(programme)
      const wave = chooseWave(list, waveSlug)
      if (!wave) return { waves: list, wave, groups: null }
      const submitted = await repos.reports.submittedCounts(wave.id, practice.id)
      // Nothing scored: the questionnaires' definitions are all the review needs.
      const groups = await practiceFreeText(programme, wave, practice, submitted, () => waveDefinitions(wave, [], language), true)
      return { waves: list, wave, groups }
    },

    /** One questionnaire's scores at every wave with responses, for the practices' trajectory by context. */
    async overWaves(programme: Programme, questionnaire: string | undefined, language?: string) {
      return wavesComparison(repos, scoring, await waves(programme), programme, questionnaire, language)
    },

    async comparison(programme: Programme, waveSlug: string | undefined, filters: ComparisonFilters, language?: string): Promise<ComparisonData> {
      const list = await waves(programme)
      const wave = chooseWave(list, waveSlug)
      const allPractices = await repos.practices.listByProgramme(programme.id)
      const practices = allPractices.filter((p) => matchesContext(p, filters))
      const practiceCodes = new Set(practices.map((p) => p.code))
      const filter = { practiceCodes, ...(filters.setting ? { setting: filters.setting } : {}) }
      if (!wave) return { programme, waves: list, wave, allPractices, practices, questionnaires: [], responses: new Map(), stages: new Map(), changes: [] }
      const questionnaires = await scored(programme, wave, filter, language)
      const position = list.findIndex((w) => w.wave.id === wave.id)
      const since = [...new Set([list[position - 1]?.wave, position > 1 ? list[0]!.wave : undefined])].filter((w): w is Wave => w !== undefined)
      const changes: ComparisonChange[] = []
      for (const from of since) {
        const { value, problem } = await orProblem(() => scoring.overallChanges(programme, [from], wave, filter))
        const since = value?.get(from.id)
        changes.push({ since: from, byQuestionnaire: since?.byQuestionnaire ?? null, breaks: since?.breaks ?? [], problem })
      }
      const stages = (await repos.practices.stages(programme.id)).filter((s) => s.waveId === wave.id)
      return {
        programme,
        waves: list,
        wave,
        allPractices,
        practices,
        questionnaires,
        responses: await repos.fieldwork.countsByPractice(wave.id),
        stages: new Map(stages.map((s) => [s.practiceId, s.stage])),
        changes,
      }
    },
  }
}
export type ReportService = ReturnType<typeof createReportService>
