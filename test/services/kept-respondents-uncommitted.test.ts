// A scoring thread asked for a wave's scores version its own connection cannot see yet (on SQLite the app's connection
// reads a raised version a moment before its group of saves is committed: group-commit-driver.ts) waits for the commit
// rather than keeping the wave as it was under the newer version; a version never committed is an error, keeping nothing.
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openReadOnlyDatabase, type ReadOnlyDatabase } from '../../server/data/read-only-database.js'
import { scoringRepository } from '../../server/data/repositories/scoring-repository.js'
import { generateProgramme } from '../../server/demo/generate-programme.js'
import type { Wave } from '../../server/domain/wave.js'
import { createKeptRespondents } from '../../server/services/kept-respondents.js'
import { REAL_QUESTIONNAIRES, TEST_DATABASE, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
let reader: ReadOnlyDatabase
let wave: Wave

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await generateProgramme(ls.repos, ls.services, { slug: 'synthetic', practices: 2, respondents: 3, waves: 1, seed: 5 })
  wave = (await ls.repos.waves.listByProgramme((await ls.repos.programmes.findBySlug('synthetic'))!.id))[0]!
  reader = openReadOnlyDatabase(ls.config.database)
}, 120_000)
afterAll(async () => {
  await reader?.close()
  await ls?.close()
})

/** A connection of its own that raises the wave's scores version in a transaction left open until `end`. */
async function raiseUncommitted(): Promise<{ end(how: 'commit' | 'rollback'): Promise<void> }> {
  const raise = `UPDATE wave_scores_version SET version = version + 1 WHERE wave_id = ${wave.id}`
  const target = ls.config.database
  if (target.kind === 'sqlite') {
    const writer = new Database(target.path)
    writer.exec('BEGIN IMMEDIATE')
    writer.exec(raise)
    return { end: async (how) => void (writer.exec(how.toUpperCase()), writer.close()) }
  }
  const writer = new pg.Client({ connectionString: target.url })
  await writer.connect()
  await writer.query('BEGIN')
  await writer.query(raise)
  return { end: async (how) => void (await writer.query(how.toUpperCase()), await writer.end()) }
}

describe(`kept respondents asked for a version not yet committed (${TEST_DATABASE})`, () => {
  it('wait until it is committed where they read, and then give the wave', async () => {
    const kept = createKeptRespondents(scoringRepository(reader.db))
    const version = await ls.repos.scoring.scoresVersion(wave.id)
    expect(version).toBeGreaterThan(0)
    await kept.at(wave.id, 'normalisation', version)
    const writer = await raiseUncommitted()
    let committed = false
    const reading = kept.at(wave.id, 'normalisation', version + 1).then((found) => ({ found, committed }))
    await new Promise((resolve) => setTimeout(resolve, 150))
    committed = true
    await writer.end('commit')
    const { found, committed: when } = await reading
    expect(when).toBe(true)
    expect(found.respondents.map((r) => r.responseId)).toEqual((await ls.repos.scoring.respondents(wave.id, 'normalisation')).map((r) => r.responseId))
  })

  it('refuse a version that is never committed, and keep nothing under it', async () => {
    const kept = createKeptRespondents(scoringRepository(reader.db))
    const version = await ls.repos.scoring.scoresVersion(wave.id)
    const writer = await raiseUncommitted()
    const reading = kept.at(wave.id, 'normalisation', version + 1)
    await new Promise((resolve) => setTimeout(resolve, 150))
    await writer.end('rollback')
    await expect(reading).rejects.toThrow(`scores version ${version + 1} was not committed within 2000 ms`)
    // Asked again at the version that is committed, they read it.
    expect((await kept.at(wave.id, 'normalisation', version)).respondents.length).toBe(6)
  })
})
