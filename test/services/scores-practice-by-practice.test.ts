// The score exports of a one-off command (ExportScores 'practice by practice', the command line's) read the wave practice
// by practice and keep nothing: they must give what the app's kept scores give, to the last bit and byte, on the
// project's database (a SQLite file, or PostgreSQL).
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProgramme } from '../../server/demo/generate-programme.js'
import type { Programme } from '../../server/domain/programme.js'
import type { Wave } from '../../server/domain/wave.js'
import { writeTable } from '../../server/exports/csv.js'
import { createExportService, type ExportRequest } from '../../server/services/export-service.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
let programme: Programme
let waves: Wave[]

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  // Four respondents a practice against a minimum of three: some practices are withheld on some scales.
  await generateProgramme(ls.repos, ls.services, { slug: 'synthetic', practices: 30, respondents: 4, waves: 2, seed: 11 })
  programme = (await ls.repos.programmes.findBySlug('synthetic'))!
  waves = await ls.repos.waves.listByProgramme(programme.id)
}, 120_000)
afterAll(async () => {
  await ls?.close()
})

const practiceByPractice = () =>
  createExportService(ls.repos, ls.services.catalogue, ls.services.scoring, { now: () => new Date('2026-06-01T00:00:00Z') }, 'practice by practice')

async function csv(exports: Pick<ReturnType<typeof practiceByPractice>, 'table'>, request: ExportRequest): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeTable(out, await exports.table(request))
  return Buffer.concat(chunks).toString('utf8')
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = []
  for await (const item of items) found.push(item)
  return found
}

describe('scores read practice by practice', () => {
  it.each(['respondents', 'settings'] as const)('equal the kept scores of every questionnaire, weighted by %s', async (weighting) => {
    const kept = await ls.services.scoring.scoreWave(programme, waves[1]!, weighting)
    const read = await all(await ls.services.scoring.scoresInTurn(programme, waves[1]!, weighting))
    const materialised = read.map((scores) => ({ ...scores, practices: [...scores.practices] }))
    expect(materialised).toEqual(kept)
    const rows = kept.flatMap((scores) => scores.practices)
    // The data hold both kinds of row, so both are compared.
    expect(rows.some((row) => row.withheld)).toBe(true)
    expect(rows.some((row) => !row.withheld)).toBe(true)
  })

  it('give the change the kept scores give', async () => {
    const kept = await ls.services.scoring.compare(programme, waves[0]!, waves[1]!)
    expect((await all(await ls.services.scoring.changeInTurn(programme, waves[0]!, waves[1]!))).flat()).toEqual(kept)
  })

  it.each<[string, () => ExportRequest]>([
    ['scores', () => ({ kind: 'scores', wave: waves[1]!, weighting: 'respondents' })],
    ['scale-stats', () => ({ kind: 'scale-stats', wave: waves[1]!, weighting: 'settings' })],
    ['change', () => ({ kind: 'change', from: waves[0]!, to: waves[1]!, weighting: 'respondents' })],
  ])('write the %s file byte for byte as the app writes it', async (_kind, request) => {
    const kept = await csv(ls.services.exports, request())
    expect(kept.split('\n').length).toBeGreaterThan(20)
    expect(await csv(practiceByPractice(), request())).toBe(kept)
  })
})
