// The scoring service's change between two waves answered in two versions of a questionnaire: compared on the scored
// items both versions ask the same way, and saying so in the change export.
import { parse } from 'csv-parse/sync'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeTable } from '../../server/exports/csv.js'
import type { Programme } from '../../server/domain/programme.js'
import type { Wave } from '../../server/domain/wave.js'
import { seedExportFixture } from '../support/export-fixture.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
let programme: Programme
let baseline: Wave
let sixMonths: Wave
beforeAll(async () => {
  ls = await testLinkscore()
  await seedExportFixture(ls, { sixMonthsVersion: 2 })
  programme = (await ls.repos.programmes.findBySlug('north'))!
  baseline = (await ls.repos.waves.findBySlug(programme.id, 'baseline'))!
  sixMonths = (await ls.repos.waves.findBySlug(programme.id, 'six-months'))!
})
afterAll(() => ls.close())

describe('the change from a wave in version 1 to one in version 2', () => {
  it('compares only the items both versions ask, as by hand', async () => {
    const { rows, breaks } = await ls.services.scoring.compareWithBreaks(programme, baseline, sixMonths)
    expect(breaks).toEqual([
      {
        questionnaire: 'pilot',
        versionFrom: 1,
        versionTo: 2,
        compared: ['p_leaders', 'p_training_gp', 'p_training_lacking'],
        leftOut: [
          { id: 'p_training_peers', text: 'Colleagues show me how {intervention} works.' },
          { id: 'p_training_lw', text: 'I get regular supervision.' },
        ],
      },
    ])
    const n1 = (scale: string) => rows.find((r) => r.practiceCode === 'N1' && r.scale === scale)!
    // Training without p_training_lw: baseline N1's GPs score 4 (p_training_lacking 2, reversed), 3 and (4 + 2)/2 = 3; the
    // link worker answered only p_training_lw, so has no score: n 3, mean 10/3, variance 1/3 (with it: n 4, mean 3.75).
    // Six months: 4, 5, 4: mean 13/3, variance 1/3. va = vb = 1/9: SE² = 2/9, t = 1/√(2/9) = 3/√2, df = (2/9)² / (2 · (1/9)²/2) = 4.
    const training = n1('organisational/training')
    expect(training).toMatchObject({ versionFrom: 1, versionTo: 2, itemsCompared: 2, nFrom: 3, nTo: 3, withheld: false })
    if (training.withheld) throw new Error('shown')
    expect(training.meanFrom).toBeCloseTo(10 / 3, 12)
    expect(training.meanTo).toBeCloseTo(13 / 3, 12)
    expect(training.difference).toBeCloseTo(1, 12)
    expect(training.t).toBeCloseTo(3 / Math.SQRT2, 12)
    expect(training.df).toBeCloseTo(4, 12)
    // Organisational on p_leaders, p_training_gp and p_training_lacking: (4 + 2.5 + 3) / 3 at baseline, (4.5 + 4.5 + 4) / 3 at six months.
    expect(n1('organisational')).toMatchObject({ itemsCompared: 3, nFrom: 3, nTo: 3 })
    expect(n1('organisational/leadership')).toMatchObject({ itemsCompared: 1, nFrom: 3, meanFrom: 3 })
    expect(rows.find((r) => r.practiceCode === 'N2' && r.scale === 'organisational')).toMatchObject({
      versionFrom: 1,
      versionTo: 2,
      itemsCompared: 3,
      withheld: true,
    })
  })

  it('says the versions and the items compared in the change export', async () => {
    const table = await ls.services.exports.table({ kind: 'change', from: baseline, to: sixMonths, weighting: 'respondents' })
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (chunk: Buffer) => chunks.push(chunk))
    await writeTable(out, table)
    const [header, ...rows] = parse(Buffer.concat(chunks).toString('utf8')) as string[][]
    expect(header!.slice(0, 12)).toEqual([
      'practice_code',
      'questionnaire',
      'level',
      'scale',
      'from_wave',
      'to_wave',
      'version_from',
      'version_to',
      'items_compared',
      'n_from',
      'n_to',
      'mean_from',
    ])
    expect(rows.map((r) => r.slice(0, 12).join(' '))).toEqual([
      'N1 pilot dimension organisational baseline six-months 1 2 3 3 3 3.1666666666666665',
      'N1 pilot element organisational/leadership baseline six-months 1 2 1 3 3 3',
      'N1 pilot element organisational/training baseline six-months 1 2 2 3 3 3.3333333333333335',
      'N2 pilot dimension organisational baseline six-months 1 2 3   ',
      'N2 pilot element organisational/leadership baseline six-months 1 2 1   ',
      'N2 pilot element organisational/training baseline six-months 1 2 2   ',
    ])
  })

  it('changes nothing within one version: every item of the scale is compared', async () => {
    const same = await testLinkscore()
    try {
      await seedExportFixture(same)
      const north = (await same.repos.programmes.findBySlug('north'))!
      const [from, to] = await same.repos.waves.listByProgramme(north.id)
      const { rows, breaks } = await same.services.scoring.compareWithBreaks(north, from!, to!)
      expect(breaks).toEqual([])
      expect(rows.filter((r) => r.practiceCode === 'N1').map((r) => [r.scale, r.versionFrom, r.versionTo, r.itemsCompared])).toEqual([
        ['organisational', 1, 1, 4],
        ['organisational/leadership', 1, 1, 1],
        ['organisational/training', 1, 1, 3],
      ])
    } finally {
      await same.close()
    }
  })
})
