// The one way a repository raises a wave's scores version (see migration 018): every write to what scores are computed
// from calls one of these inside its transaction, and test/data/repositories/scores-version.test.ts holds them to it.
import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.js'

/** Raises the version of these waves by one (a wave without a row gets 1). */
export async function bumpScoresVersion(db: Kysely<Schema>, waveIds: readonly number[]): Promise<void> {
  for (const waveId of new Set(waveIds))
    await db
      .insertInto('wave_scores_version')
      .values({ wave_id: waveId, version: 1 })
      .onConflict((oc) => oc.column('wave_id').doUpdateSet((eb) => ({ version: eb('wave_scores_version.version', '+', 1) })))
      .execute()
}

/**
 * Raises the version of the response's wave when the response is submitted: a change to one still in progress changes
 * no score (only submitted responses are scored), so fieldwork does not empty the cache with every page saved.
 */
export async function bumpScoresVersionIfSubmitted(db: Kysely<Schema>, responseId: number): Promise<void> {
  await db
    .insertInto('wave_scores_version')
    .columns(['wave_id', 'version'])
    .expression(db.selectFrom('response').select(['wave_id', sql.lit(1).as('version')]).where('id', '=', responseId).where('status', '=', 'submitted'))
    .onConflict((oc) => oc.column('wave_id').doUpdateSet((eb) => ({ version: eb('wave_scores_version.version', '+', 1) })))
    .execute()
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
