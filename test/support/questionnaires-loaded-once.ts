// The repository's questionnaire folders, read and checked once per test file rather than once per test app.
import { loadQuestionnaires, type LoadedQuestionnaire } from '../../server/questionnaires/load-questionnaires.js'

const loaded = new Map<string, readonly LoadedQuestionnaire[]>()

/** Frozen all the way down, since every test app of the file shares them: a change by one would throw, not leak into the next. */
export function questionnairesLoadedOnce(folder: string): readonly LoadedQuestionnaire[] {
  let questionnaires = loaded.get(folder)
  if (!questionnaires) {
    questionnaires = deepFreeze(loadQuestionnaires(folder))
    loaded.set(folder, questionnaires)
  }
  return questionnaires
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
