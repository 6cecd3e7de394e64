// A wave's respondents to a questionnaire, kept by the scorer between requests and brought up to date by reading only
// the responses changed since (ScoringRepository.scoresChangesSince): at 1,000 practices × 20 respondents a whole read
// is about half a second a questionnaire, and a submit changes one response. What it gives equals a whole read at
// the same moment: a changed response is read again as it now is (or dropped when it no longer counts), in id order.
import type { AnsweredResponse, ScoringRepository } from '../data/repository-interfaces.js'
import type { Respondent } from '../scoring/respondent.js'

export interface WaveRespondents {
  respondents: readonly Respondent[]
  /** The questionnaire versions their answers were given to, ascending (ScoringRepository.answeredVersions). */
  versions: number[]
}

export interface KeptRespondents {
  /** The wave's respondents at `version` (the wave's scores version, read before asking) or later. */
  at(waveId: number, questionnaireId: string, version: number): Promise<WaveRespondents>
}

/** Past this many changed responses the wave is read whole: one read is then cheaper than a long list of ids. */
const MOST_CHANGES_READ = 2000

/**
 * Responses kept at most, over every wave and questionnaire (the least recently used dropped first): ten waves of
 * 1,000 practices × 20 respondents, each response's answers a Map of a few dozen codes.
 */
const MAX_KEPT_RESPONSES = 200_000

/** How long a read waits for the version it was asked for to be committed where it reads (see `committed`). */
const VERSION_WAIT_MS = 2000

interface Kept {
  version: number
  byId: Map<number, AnsweredResponse>
  value: WaveRespondents
}

export function createKeptRespondents(
  scoring: Pick<ScoringRepository, 'answeredResponses' | 'scoresChangesSince' | 'scoresVersion'>,
  maxResponses = MAX_KEPT_RESPONSES,
): KeptRespondents {
  // Each key's reads follow one another, so that two requests never bring the same entry up to date at once. A Map
  // iterates in insertion order: re-inserting on every use keeps the least recently used first.
  const entries = new Map<string, Promise<Kept>>()
  const sizes = new Map<string, number>()
  const makeRoom = (keep: string) => {
    let total = [...sizes.values()].reduce((sum, n) => sum + n, 0)
    for (const key of entries.keys()) {
      if (total <= maxResponses) return
      if (key === keep) continue
      total -= sizes.get(key) ?? 0
      entries.delete(key)
      sizes.delete(key)
    }
  }

  async function refreshed(previous: Kept | undefined, waveId: number, questionnaireId: string, version: number): Promise<Kept> {
    if (previous && previous.version >= version) return previous
    await committed(scoring, waveId, version)
    const change = previous ? await scoring.scoresChangesSince(waveId, previous.version) : 'whole wave'
    if (change === 'whole wave' || change.responseIds.length > MOST_CHANGES_READ) {
      return made(version, new Map((await scoring.answeredResponses(waveId, questionnaireId)).map((r) => [r.responseId, r])))
    }
    if (change.responseIds.length === 0) return { ...previous!, version }
    const byId = new Map(previous!.byId)
    for (const id of change.responseIds) byId.delete(id)
    for (const found of await scoring.answeredResponses(waveId, questionnaireId, change.responseIds)) byId.set(found.responseId, found)
    return made(version, byId)
  }

  return {
    async at(waveId, questionnaireId, version) {
      const key = `${waveId}/${questionnaireId}`
      const previous = entries.get(key)
      const next = (previous ?? Promise.resolve(undefined)).catch(() => undefined).then((kept) => refreshed(kept, waveId, questionnaireId, version))
      entries.delete(key)
      entries.set(key, next)
      next.then(
        (kept) => {
          if (entries.get(key) !== next) return
          sizes.set(key, kept.byId.size)
          makeRoom(key)
        },
        () => {
          if (entries.get(key) === next) entries.delete(key)
          sizes.delete(key)
        },
      )
      return (await next).value
    },
  }
}

/**
 * Waits until this connection sees the wave at `version`. SQLite commits page saves in groups (group-commit-driver.ts),
 * so the app's own connection can read a raised version a moment before it is committed, and a worker thread's
 * connection cannot see it yet: read then, the wave as of the version before would be kept under the newer one, and the
 * responses that version changed never read again. A version never committed (its group failed on the disk) is an error,
 * which keeps nothing.
 */
async function committed(scoring: Pick<ScoringRepository, 'scoresVersion'>, waveId: number, version: number): Promise<void> {
  const until = Date.now() + VERSION_WAIT_MS
  while ((await scoring.scoresVersion(waveId)) < version) {
    if (Date.now() > until) throw new Error(`Wave ${waveId}'s scores version ${version} was not committed within ${VERSION_WAIT_MS} ms`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/** The entry for these responses: ordered by id, as a whole read orders them, so that scores sum in the same order. */
function made(version: number, byId: Map<number, AnsweredResponse>): Kept {
  const ordered = [...byId.values()].sort((a, b) => a.responseId - b.responseId)
  const versions = new Set<number>()
  const respondents: Respondent[] = []
  for (const found of ordered) {
    for (const v of found.versions) versions.add(v)
    if (found.respondent) respondents.push(found.respondent)
  }
  return { version, byId, value: { respondents, versions: [...versions].sort((a, b) => a - b) } }
}
