// The questionnaires this server offers, in each of their languages, checked against the versions and translation
// revisions that already have answers.
import type { QuestionnaireVersionRepository } from '../data/repository-interfaces.js'
import type { Questionnaire } from '../questionnaires/definition-schema.js'
import { contentHash, translationHash } from '../questionnaires/content-hash.js'
import type { LoadedQuestionnaire, LoadedTranslation } from '../questionnaires/load-questionnaires.js'
import { localiseQuestionnaire } from '../questionnaires/localise-questionnaire.js'

export class QuestionnaireVersionConflictError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'QuestionnaireVersionConflictError'
  }
}

export interface QuestionnaireCatalogue {
  /** The definitions in their source language: what scoring, exports and the codebook read. */
  list(): Questionnaire[]
  /** The definition, or with a language it offers, its copy in that language; any other language gives the source. */
  find(id: string, language?: string): Questionnaire | undefined
  get(id: string, language?: string): Questionnaire
  /** The languages the questionnaire is offered in, its source language first; none for an unknown id. */
  languagesOf(id: string): string[]
}

/**
 * Records each definition's content hash and each translation's; refuses a changed definition under a version that has
 * answers, and a changed translation under a revision that has answers given in its language.
 */
export async function createQuestionnaireCatalogue(
  loaded: readonly LoadedQuestionnaire[],
  versions: QuestionnaireVersionRepository,
): Promise<QuestionnaireCatalogue> {
  const problems: string[] = []
  for (const { file, questionnaire: q, translations } of loaded) {
    const hash = contentHash(q)
    const stored = await versions.find(q.id, q.version)
    if (stored && stored.contentHash !== hash && (await versions.hasAnswers(q.id, q.version))) {
      problems.push(
        `${file}: "${q.id}" version ${q.version} already has answers, and its definition has changed since they were given. ` +
          `Restore the earlier definition, or raise "version" to ${q.version + 1} so that old and new answers stay apart.`,
      )
      continue
    }
    if (stored?.contentHash !== hash) await versions.save(q.id, q.version, hash, JSON.stringify(q))
    for (const translation of translations) problems.push(...(await recordTranslation(q, translation, versions)))
  }
  if (problems.length > 0) throw new QuestionnaireVersionConflictError(problems)

  const byId = new Map(loaded.map(({ questionnaire }) => [questionnaire.id, questionnaire]))
  const localised = new Map(
    loaded.map(({ questionnaire, translations }) => [
      questionnaire.id,
      new Map(translations.map(({ translation }) => [translation.language, localiseQuestionnaire(questionnaire, translation)])),
    ]),
  )
  const find = (id: string, language?: string) => (language === undefined ? undefined : localised.get(id)?.get(language)) ?? byId.get(id)
  return {
    list: () => [...byId.values()],
    find,
    get(id, language) {
      const questionnaire = find(id, language)
      if (!questionnaire) throw new Error(`Questionnaire "${id}" is used by a wave but no definition file defines it`)
      return questionnaire
    },
    languagesOf: (id) => {
      const questionnaire = byId.get(id)
      return questionnaire ? [questionnaire.language, ...localised.get(id)!.keys()] : []
    },
  }
}

/** Stores the translation's hash under its revision, unless the revision has answers in its language and has changed. */
async function recordTranslation(q: Questionnaire, { file, translation: t }: LoadedTranslation, versions: QuestionnaireVersionRepository): Promise<string[]> {
  const hash = translationHash(t)
  const stored = await versions.findTranslation(q.id, q.version, t.language, t.revision)
  if (stored?.contentHash === hash) return []
  if (stored && (await versions.hasAnswersInLanguage(q.id, q.version, t.language))) {
    return [
      `${file}: the "${t.language}" wording of "${q.id}" version ${q.version} (revision ${t.revision}) has changed, and answers have been given in "${t.language}". ` +
        `Restore the earlier wording, or raise "revision" to ${t.revision + 1} so that the wording those answers were given to stays on record.`,
    ]
  }
  await versions.saveTranslation({
    questionnaireId: q.id,
    version: q.version,
    language: t.language,
    revision: t.revision,
    contentHash: hash,
    translationJson: JSON.stringify(t),
  })
  return []
}
