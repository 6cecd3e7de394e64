// Scoring on worker threads (server/services/wave-scorer-pool.ts) gives what scoring inline gives, from a generated
// programme on the project's database (a SQLite file, or PostgreSQL), and leaves the app's event loop free meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.js'
import { boot, type Linkscore } from '../../server/boot.js'
import { generateProgramme } from '../../server/demo/generate-programme.js'
import type { Wave } from '../../server/domain/wave.js'
import type { WaveScorer, WaveToScore } from '../../server/services/wave-scorer.js'
import { compareWaves } from '../../server/scoring/wave-change.js'
import { createInlineWaveScorer } from '../../server/services/wave-scorer.js'
import { createWaveScorerPool } from '../../server/services/wave-scorer-pool.js'
import { staffClient } from '../support/report-expectations.js'
import { REAL_QUESTIONNAIRES, TEST_DATABASE, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const SCORED = ['normalisation', 'good-practice']
let ls: TestLinkscore
let pool: WaveScorer
let inline: WaveScorer
let waves: Wave[]

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await generateProgramme(ls.repos, ls.services, { slug: 'synthetic', practices: 40, respondents: 8, waves: 2, seed: 3 })
  const programme = (await ls.repos.programmes.findBySlug('synthetic'))!
  waves = await ls.repos.waves.listByProgramme(programme.id)
  pool = createWaveScorerPool(ls.config.database, 1)
  inline = createInlineWaveScorer(ls.repos)
}, 120_000)
afterAll(async () => {
  await pool?.close()
  await ls?.close()
})

const requestFor = (wave: Wave, questionnaire: string, filter: Pick<WaveToScore, 'practiceCodes' | 'setting'> = {}): WaveToScore => ({
  waveId: wave.id,
  version: 0,
  wave: wave.slug,
  questionnaire: ls.services.catalogue.get(questionnaire),
  options: { weighting: 'respondents', minPracticeN: 3, minBreakdownN: 3 },
  ...filter,
})
const SOME = { practiceCodes: ['SYNTHETIC-0001', 'SYNTHETIC-0002', 'SYNTHETIC-0007', 'SYNTHETIC-0040'], setting: 'general_practice' as const }

describe('scoring on worker threads', () => {
  it.each(SCORED)('gives %s scores, overall scores and change deep-equal to inline, for the whole wave and for a filter', async (questionnaire) => {
    const [first, second] = [waves[0]!, waves[1]!]
    const later = await pool.score(requestFor(second, questionnaire))
    expect(later).toEqual(await inline.score(requestFor(second, questionnaire)))
    // The wave was really scored: every practice has shown rows.
    expect(new Set(later.practices.filter((p) => !p.withheld).map((p) => p.practiceCode)).size).toBe(40)
    expect(await pool.score(requestFor(second, questionnaire, SOME))).toEqual(await inline.score(requestFor(second, questionnaire, SOME)))
    const top = later.scales.filter((s) => s.scalePath.length === 1).map((s) => s.scale)
    const overall = await pool.overall(requestFor(second, questionnaire, SOME), top)
    expect(overall.map(([code]) => code)).toEqual(['SYNTHETIC-0001', 'SYNTHETIC-0002', 'SYNTHETIC-0007', 'SYNTHETIC-0040'])
    expect(overall).toEqual(await inline.overall(requestFor(second, questionnaire, SOME), top))
    expect(await pool.answeredVersions(second.id, questionnaire, 0)).toEqual([ls.services.catalogue.get(questionnaire).version])
    const analysed = { waveId: second.id, version: 0, questionnaire: ls.services.catalogue.get(questionnaire), setting: 'link_worker' as const }
    const quality = await pool.itemAnalysis(analysed)
    expect(quality.items.length).toBeGreaterThan(0)
    expect(quality).toEqual(await inline.itemAnalysis(analysed))
    const definition = ls.services.catalogue.get(questionnaire)
    const change = await pool.compare(requestFor(first, questionnaire), requestFor(second, questionnaire), definition)
    expect(change).toEqual(compareWaves(await inline.score(requestFor(first, questionnaire)), later, definition))
    expect(change.filter((row) => !row.withheld).length).toBeGreaterThan(0)
    // One practice's rows, as a scorecard asks for them: exactly the whole change's rows of that practice.
    const practiceRows = change.filter((row) => row.practiceCode === 'SYNTHETIC-0007')
    expect(practiceRows.length).toBe(later.scales.length)
    expect(await pool.compare(requestFor(first, questionnaire), requestFor(second, questionnaire), definition, 'SYNTHETIC-0007')).toEqual(practiceRows)
    expect(await inline.compare(requestFor(first, questionnaire), requestFor(second, questionnaire), definition, 'SYNTHETIC-0007')).toEqual(practiceRows)
  })

  it('leaves the event loop answering while it reads and scores a wave, where inline scoring holds it', async () => {
    const ticksWhile = async (scorer: WaveScorer) => {
      let ticks = 0
      let done = false
      const tick = () => {
        ticks++
        if (!done) setImmediate(tick)
      }
      setImmediate(tick)
      // At a version neither scorer has kept, so that each reads the wave and scores it again.
      await Promise.all(SCORED.map((q) => scorer.score({ ...requestFor(waves[1]!, q), version: 1 })))
      done = true
      return ticks
    }
    const [threaded, onThread] = [await ticksWhile(pool), await ticksWhile(inline)]
    // Each tick is a turn of the event loop, in which a respondent's request would be answered.
    expect(threaded).toBeGreaterThan(100)
    // better-sqlite3 reads synchronously: inline, no turn of the loop comes until both questionnaires are scored.
    if (TEST_DATABASE === 'sqlite') expect(onThread).toBeLessThanOrEqual(2)
  })
})

describe('downloads with scoring threads on and off', () => {
  let threaded: Linkscore
  beforeAll(async () => {
    threaded = await boot({ database: ls.config.database, questionnairesFolder: REAL_QUESTIONNAIRES, scoringThreads: 1 })
  })
  afterAll(async () => {
    await threaded?.services.scoring.close()
    await threaded?.repos.close()
  })

  it('are byte for byte the same: scores, scale statistics and change', async () => {
    const threadedApp = createApp({
      config: { ...ls.config, scoringThreads: 1 },
      repos: threaded.repos,
      services: threaded.services,
      sessionSecret: 'test-secret',
      log: () => {},
    })
    const on = await staffClient(ls, threadedApp, 'threads-on@example.org', 'evaluator', { programmes: ['synthetic'] })
    const off = await staffClient(ls, ls.app, 'threads-off@example.org', 'evaluator', { programmes: ['synthetic'] })
    for (const path of [
      'scores.csv?wave=wave-2',
      'scores.csv?wave=wave-2&weighting=settings',
      'scale-stats.csv?wave=wave-2',
      'change.csv?from=wave-1&to=wave-2',
    ]) {
      const [a, b] = [await on.download(`/programmes/synthetic/exports/${path}`), await off.download(`/programmes/synthetic/exports/${path}`)]
      expect(a.status).toBe(200)
      expect(a.text.split('\n').length).toBeGreaterThan(40)
      expect(a.text).toBe(b.text)
    }
  })
})
