// The questionnaires this server offers, checked against the versions that already have answers.
import type { QuestionnaireVersionRepository } from '../data/repository-interfaces.js'
import type { Language } from '../i18n/languages.js'
import type { Questionnaire } from '../questionnaires/definition-schema.js'
import { contentHash } from '../questionnaires/content-hash.js'
import type { LoadedQuestionnaire } from '../questionnaires/load-questionnaires.js'

export class QuestionnaireVersionConflictError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'QuestionnaireVersionConflictError'
  }
}

export interface QuestionnaireCatalogue {
  list(): Questionnaire[]
  /** The definition in `language` where it has a translation (the source definition until translations are loaded). */
  find(id: string, language?: Language): Questionnaire | undefined
  get(id: string, language?: Language): Questionnaire
}

/** Records each definition's content hash; refuses a changed definition under a version that has answers. */
export async function createQuestionnaireCatalogue(
  loaded: readonly LoadedQuestionnaire[],
  versions: QuestionnaireVersionRepository,
): Promise<QuestionnaireCatalogue> {
  const problems: string[] = []
  for (const { file, questionnaire: q } of loaded) {
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
  }
  if (problems.length > 0) throw new QuestionnaireVersionConflictError(problems)

  const byId = new Map(loaded.map(({ questionnaire }) => [questionnaire.id, questionnaire]))
  return {
    list: () => [...byId.values()],
    find: (id) => byId.get(id),
    get(id) {
      const questionnaire = byId.get(id)
      if (!questionnaire) throw new Error(`Questionnaire "${id}" is used by a wave but no definition file defines it`)
      return questionnaire
    },
  }
}
