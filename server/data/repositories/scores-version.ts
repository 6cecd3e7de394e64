// The one way a repository raises a wave's scores version (see migrations 018 and 020): every write to what scores are
// computed from calls one of these inside its transaction, naming the responses it changed, and
// test/data/repositories/scores-version.test.ts holds them to it.
import type { Kysely } from 'kysely'
import type { ScoresChange } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

/** Raises the wave's version by one (a wave without a row gets 1) and records what changed at the new version. */
export async function bumpScoresVersion(db: Kysely<Schema>, waveId: number, change: ScoresChange): Promise<void> {
  const whole = change === 'whole wave'
  const { version } = await db
    .insertInto('wave_scores_version')
    .values({ wave_id: waveId, version: 1, whole_since: whole ? 1 : 0 })
    .onConflict((oc) =>
      oc.column('wave_id').doUpdateSet((eb) => ({
        version: eb('wave_scores_version.version', '+', 1),
        ...(whole ? { whole_since: eb('wave_scores_version.version', '+', 1) } : {}),
      })),
    )
    .returning('version')
    .executeTakeFirstOrThrow()
  if (whole || change.responseIds.length === 0) return
  const at = Number(version)
  for (const ids of chunks([...new Set(change.responseIds)], 500))
    await db
      .insertInto('scores_change')
      .values(ids.map((id) => ({ wave_id: waveId, version: at, response_id: id })))
      .execute()
}

/**
 * Raises the version of the response's wave when the response is submitted: a change to one still in progress changes
 * no score (only submitted responses are scored), so fieldwork does not empty the cache with every page saved.
 */
export async function bumpScoresVersionIfSubmitted(db: Kysely<Schema>, responseId: number): Promise<void> {
  const response = await db.selectFrom('response').select(['wave_id', 'status']).where('id', '=', responseId).executeTakeFirst()
  if (response) await bumpScoresVersionOf(db, { responseId, waveId: response.wave_id, status: response.status })
}

/** The same, for a caller that has just read the response's wave and status (a page save's update returns them). */
export async function bumpScoresVersionOf(db: Kysely<Schema>, r: { responseId: number; waveId: number; status: string }): Promise<void> {
  if (r.status === 'submitted') await bumpScoresVersion(db, r.waveId, { responseIds: [r.responseId] })
}

/** Each wave's scores version (0 for one without a row), in one query. */
export async function scoresVersions(db: Kysely<Schema>, waveIds: readonly number[]): Promise<Map<number, number>> {
  const rows = waveIds.length === 0 ? [] : await db.selectFrom('wave_scores_version').select(['wave_id', 'version']).where('wave_id', 'in', waveIds).execute()
  const found = new Map(rows.map((r) => [r.wave_id, Number(r.version)]))
  return new Map(waveIds.map((id) => [id, found.get(id) ?? 0]))
}

/** The wave's scores version: 0 until something it is scored from first changes. */
export async function scoresVersion(db: Kysely<Schema>, waveId: number): Promise<number> {
  const row = await db.selectFrom('wave_scores_version').select('version').where('wave_id', '=', waveId).executeTakeFirst()
  return row ? Number(row.version) : 0
}

/** What changed in the wave after `version`: the responses, or (when the whole wave changed since) 'whole wave'. */
export async function scoresChangesSince(db: Kysely<Schema>, waveId: number, version: number): Promise<ScoresChange> {
  const row = await db.selectFrom('wave_scores_version').select('whole_since').where('wave_id', '=', waveId).executeTakeFirst()
  if (row && Number(row.whole_since) > version) return 'whole wave'
  const changed = await db
    .selectFrom('scores_change')
    .select('response_id')
    .distinct()
    .where('wave_id', '=', waveId)
    .where('version', '>', version)
    .orderBy('response_id')
    .execute()
  return { responseIds: changed.map((c) => c.response_id) }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const found: T[][] = []
  for (let i = 0; i < items.length; i += size) found.push(items.slice(i, i + size))
  return found
}
