// demo generate: a synthetic programme of any size through the real services, the same for the same seed.
import { expect, it } from 'vitest'
import type { Linkscore } from '../../../server/boot.js'
import { cliDatabase } from '../../support/cli-database.js'

const { cli, inDatabase } = cliDatabase()

const generate = (...args: string[]) => cli('demo', 'generate', '--practices', '3', '--respondents', '4', '--waves', '3', ...args)

/** Every stored answer of a programme as practice, wave, item and value, in a fixed order. */
const answersOf = (slug: string) =>
  inDatabase(async (ls: Linkscore) =>
    (
      await ls.database.db
        .selectFrom('answer as a')
        .innerJoin('response as r', 'r.id', 'a.response_id')
        .innerJoin('practice as p', 'p.id', 'r.practice_id')
        .innerJoin('wave as w', 'w.id', 'r.wave_id')
        .innerJoin('programme as g', 'g.id', 'w.programme_id')
        .where('g.slug', '=', slug)
        .select(['p.code', 'w.slug', 'a.item_id', 'a.value'])
        .orderBy('r.id')
        .orderBy('a.item_id')
        .orderBy('a.value')
        .execute()
    ).map((a) => `${a.code.replace(/^[^-]+-/, '')} ${a.slug} ${a.item_id}=${a.value}`),
  )

it('adds a programme labelled synthetic, its practices and waves, and the submitted responses asked for', async () => {
  const made = await generate()
  expect(made.stderr).toBe('')
  expect(made.code).toBe(0)
  expect(made.stdout).toMatch(/^Generated programme synthetic \(synthetic data\): 3 practices, 3 waves, 36 submitted responses, in \d+\.\d s\n$/)
  const stored = await inDatabase(async (ls) => {
    const programme = (await ls.repos.programmes.findBySlug('synthetic'))!
    const waves = await ls.repos.waves.listByProgramme(programme.id)
    const practices = await ls.repos.practices.listByProgramme(programme.id)
    const responses = await ls.database.db
      .selectFrom('response as r')
      .innerJoin('wave as w', 'w.id', 'r.wave_id')
      .innerJoin('practice as p', 'p.id', 'r.practice_id')
      .select((eb) => ['w.slug', 'p.code', 'r.source', 'r.status', eb.fn.countAll<number>().as('n')])
      .groupBy(['w.slug', 'p.code', 'r.source', 'r.status'])
      .orderBy('w.slug')
      .orderBy('p.code')
      .execute()
    return {
      name: programme.name,
      waves: waves.map((w) => `${w.slug} ${w.title} ${w.status} ${w.opensOn}`),
      practices: practices.map((p) => `${p.code} ${p.name} ${p.deprivationQuintile} ${p.rurality}`),
      responses: responses.map((r) => `${r.slug} ${r.code} ${r.source} ${r.status} ${Number(r.n)}`),
    }
  })
  expect(stored).toEqual({
    name: 'Synthetic programme: 3 practices (synthetic data)',
    waves: ['wave-1 Wave 1 (synthetic) closed 2026-01-05', 'wave-2 Wave 2 (synthetic) closed 2026-07-06', 'wave-3 Wave 3 (synthetic) open 2027-01-04'],
    practices: ['SYNTHETIC-0001 Synthetic practice 1 1 urban', 'SYNTHETIC-0002 Synthetic practice 2 2 urban', 'SYNTHETIC-0003 Synthetic practice 3 3 rural'],
    responses: ['wave-1', 'wave-2', 'wave-3'].flatMap((w) => [1, 2, 3].map((p) => `${w} SYNTHETIC-000${p} synthetic submitted 4`)),
  })
  expect((await answersOf('synthetic')).length).toBeGreaterThan(36 * 3)
})

it('gives the same answers for the same seed, and others for another', async () => {
  expect((await generate('--slug', 'first', '--seed', '7')).code).toBe(0)
  expect((await generate('--slug', 'again', '--seed', '7')).code).toBe(0)
  expect((await generate('--slug', 'other', '--seed', '8')).code).toBe(0)
  const first = await answersOf('first')
  expect(await answersOf('again')).toEqual(first)
  expect(await answersOf('other')).not.toEqual(first)
})

it('refuses each bad option by name, and a short name already taken, adding nothing', async () => {
  for (const [args, message] of [
    [['--practices', '0', '--respondents', '2', '--waves', '1'], '--practices must be a whole number from 1 to 5000'],
    [['--practices', '2.5', '--respondents', '2', '--waves', '1'], '--practices must be a whole number from 1 to 5000'],
    [
      ['--practices', '2', '--respondents', 'many', '--waves', '7'],
      '--respondents must be a whole number from 1 to 500\n--waves must be a whole number from 1 to 6',
    ],
    [['--practices', '2', '--respondents', '2', '--waves', '1', '--seed', '-1'], '--seed must be a whole number from 0 to 4294967295'],
    [
      ['--practices', '2', '--respondents', '2', '--waves', '1', '--slug', 'Not OK'],
      '--slug must be 1 to 40 lower-case letters, digits or hyphens, such as synthetic',
    ],
  ] as const) {
    const refused = await cli('demo', 'generate', ...args)
    expect({ args, code: refused.code, stderr: refused.stderr }).toEqual({ args, code: 1, stderr: `linkscore: ${message}\n` })
  }
  expect(await inDatabase((ls) => ls.repos.programmes.count())).toBe(0)
  expect((await cli('programme', 'add', '--slug', 'synthetic', '--name', 'Taken')).code).toBe(0)
  const taken = await generate()
  expect([taken.code, taken.stderr]).toEqual([1, 'linkscore: A programme "synthetic" already exists\n'])
  expect(await inDatabase((ls) => ls.repos.programmes.count())).toBe(1)
})
