// The export service: which definitions the wide file's columns come from when a wave holds answers to two versions.
import { parse } from 'csv-parse/sync'
import { PassThrough } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MixedQuestionnaireVersionsError } from '../../server/errors.js'
import { writeTable } from '../../server/exports/csv.js'
import type { ExportRequest } from '../../server/services/export-service.js'
import { answerVersion2, RESPONSES_HEADER, seedExportFixture } from '../support/export-fixture.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore()
  await seedExportFixture(ls)
})
afterEach(async () => {
  await ls.close()
})

const baseline = async () => (await ls.repos.waves.findBySlug((await ls.repos.programmes.findBySlug('north'))!.id, 'baseline'))!

async function csv(request: ExportRequest): Promise<string[][]> {
  const table = await ls.services.exports.table(request)
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeTable(out, table)
  return parse(Buffer.concat(chunks).toString('utf8')) as string[][]
}

describe('the responses export of a wave with answers to two versions', () => {
  it('adds the items and options only the other version has, after the current ones', async () => {
    const id = await answerVersion2(ls, true)
    const rows = await csv({ kind: 'responses', waves: [await baseline()], includePartial: false })
    expect(rows[0]).toEqual([...RESPONSES_HEADER, 'p_extra', 'p_channels__newsletter'])
    const row = Object.fromEntries(rows[0]!.map((column, i) => [column, rows.find((r) => r[0] === String(id))![i]]))
    expect(row).toMatchObject({
      p_extra: '3',
      p_channels__colleagues: '0',
      p_channels__directory: '0',
      p_channels__link_worker: '0',
      p_channels__newsletter: '1',
      p_leaders: '',
    })
  })

  it('leaves them out when no response of the wave (submitted, unless unfinished ones are asked for) used that version', async () => {
    await answerVersion2(ls, false)
    expect((await csv({ kind: 'responses', waves: [await baseline()], includePartial: false }))[0]).toEqual(RESPONSES_HEADER)
    expect((await csv({ kind: 'responses', waves: [await baseline()], includePartial: true }))[0]).toEqual([
      ...RESPONSES_HEADER,
      'p_extra',
      'p_channels__newsletter',
    ])
  })

  it('refuses to score it, rather than score one version against the other', async () => {
    await answerVersion2(ls, true)
    await expect(ls.services.exports.table({ kind: 'scores', wave: await baseline(), weighting: 'respondents' })).rejects.toThrow(
      MixedQuestionnaireVersionsError,
    )
  })
})

describe('the responses export of all waves', () => {
  it("takes the union of the waves' columns: items only one wave's version has come last, empty in the other wave's rows", async () => {
    const id = await answerVersion2(ls, true)
    const waves = await ls.repos.waves.listByProgramme((await ls.repos.programmes.findBySlug('north'))!.id)
    const rows = await csv({ kind: 'responses', waves, includePartial: false })
    expect(rows[0]).toEqual([...RESPONSES_HEADER, 'p_extra', 'p_channels__newsletter'])
    const cell = (row: string[], column: string) => row[rows[0]!.indexOf(column)]
    expect(rows.slice(1).map((r) => `${cell(r, 'response_id')} ${cell(r, 'wave')} ${cell(r, 'p_extra')}`)).toEqual([
      '1 baseline ',
      '2 baseline ',
      '3 baseline ',
      '4 baseline ',
      '5 baseline ',
      `${id} baseline 3`,
      '8 six-months ',
      '9 six-months ',
      '10 six-months ',
    ])
  })
})
