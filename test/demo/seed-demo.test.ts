import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_TEXT_ANSWERS } from '../../server/demo/demo-profiles.js'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const made: TestLinkscore[] = []
afterEach(async () => {
  for (const ls of made.splice(0)) await ls.close()
})
async function seeded() {
  const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  made.push(ls)
  return { ls, links: (await seedDemo(ls.repos, ls.services))! }
}
const answers = async (ls: TestLinkscore) =>
  (
    await ls.db
      .selectFrom('answer as a')
      .innerJoin('response as r', 'r.id', 'a.response_id')
      .innerJoin('practice as p', 'p.id', 'r.practice_id')
      .innerJoin('wave as w', 'w.id', 'r.wave_id')
      .select(['r.id', 'p.code', 'w.slug', 'r.role', 'a.questionnaire_id', 'a.item_id', 'a.value'])
      .orderBy('r.id')
      .orderBy('a.questionnaire_id')
      .orderBy('a.item_id')
      .orderBy('a.value')
      .execute()
  ).map(Object.values)

describe('the demo programme', () => {
  it('is labelled as synthetic, with 3 practices, an open wave and 10 submitted responses per practice in each wave', async () => {
    const { ls, links } = await seeded()
    const programme = (await ls.repos.programmes.findBySlug('demo'))!
    expect(programme).toMatchObject({ name: 'Demo programme (synthetic data)', isDemo: true })
    expect((await ls.repos.practices.listByProgramme(programme.id)).map((p) => p.code)).toEqual(['DEMO01', 'DEMO02', 'DEMO03'])
    expect((await ls.repos.waves.listByProgramme(programme.id)).map((w) => [w.slug, w.status, w.questionnaireIds.join(',')])).toEqual([
      ['baseline', 'closed', 'context,normalisation,good-practice'],
      ['six-months', 'open', 'context,normalisation,good-practice'],
    ])
    const counts = await ls.db
      .selectFrom('response as r')
      .innerJoin('practice as p', 'p.id', 'r.practice_id')
      .innerJoin('wave as w', 'w.id', 'r.wave_id')
      .select((eb) => ['p.code', 'w.slug', eb.fn.countAll<number>().as('n')])
      .where('r.status', '=', 'submitted')
      .groupBy(['p.code', 'w.slug'])
      .orderBy('p.code')
      .orderBy('w.slug')
      .execute()
    expect(counts.map((c) => [c.code, c.slug, Number(c.n)])).toEqual([
      ['DEMO01', 'baseline', 10],
      ['DEMO01', 'six-months', 10],
      ['DEMO02', 'baseline', 10],
      ['DEMO02', 'six-months', 10],
      ['DEMO03', 'baseline', 10],
      ['DEMO03', 'six-months', 10],
    ])
    const languages = await ls.db
      .selectFrom('response')
      .select((eb) => ['language', eb.fn.countAll<number>().as('n')])
      .groupBy('language')
      .orderBy('language')
      .execute()
    expect(languages.map((l) => [l.language, Number(l.n)])).toEqual([
      ['en-GB', 48],
      ['nl', 12],
    ])
    // Each response's comments are written in its language.
    const texts = (language: 'en-GB' | 'nl') => Object.values(DEMO_TEXT_ANSWERS[language]).flat()
    const comments = await ls.db
      .selectFrom('answer as a')
      .innerJoin('response as r', 'r.id', 'a.response_id')
      .select(['r.language', 'a.value'])
      .where('a.value', 'in', [...texts('en-GB'), ...texts('nl')])
      .execute()
    for (const language of ['en-GB', 'nl'] as const) {
      const written = comments.filter((c) => c.language === language).map((c) => c.value)
      expect(written.length, language).toBeGreaterThan(10)
      expect(
        written.filter((text) => !texts(language).includes(text)),
        language,
      ).toEqual([])
    }
    // Every synthetic response came through an invitation of its own, used; the one left is the link to try.
    const invitations = await ls.db
      .selectFrom('invitation as i')
      .leftJoin('response as r', 'r.invitation_id', 'i.id')
      .select(['i.used_at', 'r.id as responseId'])
      .execute()
    expect(invitations.length).toBe(61)
    expect(invitations.filter((i) => i.used_at !== null && i.responseId !== null).length).toBe(60)
    expect(invitations.filter((i) => i.used_at === null && i.responseId === null).length).toBe(1)
    expect(links.openLinkPath).toBe('/p/DEMO01/six-months')
    expect(links.invitationPath).toMatch(/^\/s\/[A-Za-z0-9_-]{24}$/)
  })

  it('generates the same answers every time', async () => {
    const first = await answers((await seeded()).ls)
    expect(first.length).toBeGreaterThan(1000)
    expect(await answers((await seeded()).ls)).toEqual(first)
  })

  it('seeds only an empty database, and offers the same unused invitation on the next start', async () => {
    const { ls, links } = await seeded()
    const again = (await seedDemo(ls.repos, ls.services))!
    expect(again.created).toBe(false)
    expect(again.invitationPath).toBe(links.invitationPath)
    const responses = await ls.db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(responses.n)).toBe(60)
  })

  it('shows real contrasts: one practice strong on organisational support and weak on policy, one the reverse', async () => {
    const { ls } = await seeded()
    // The mean of the 1–5 answers ("not relevant" codes left out) to a dimension's non-reversed items, at one practice.
    const mean = async (code: string, dimension: string) => {
      const rows = await ls.db
        .selectFrom('answer as a')
        .innerJoin('response as r', 'r.id', 'a.response_id')
        .innerJoin('practice as p', 'p.id', 'r.practice_id')
        .select('a.value')
        .where('p.code', '=', code)
        .where('a.questionnaire_id', '=', 'good-practice')
        .where('a.value', 'in', ['1', '2', '3', '4', '5'])
        .where('a.item_id', 'in', goodPracticeItems(ls, dimension))
        .execute()
      expect(rows.length).toBeGreaterThan(0)
      return rows.reduce((sum, r) => sum + Number(r.value), 0) / rows.length
    }
    expect((await mean('DEMO01', 'organisational')) - (await mean('DEMO01', 'policy'))).toBeGreaterThan(1)
    expect((await mean('DEMO02', 'policy')) - (await mean('DEMO02', 'organisational'))).toBeGreaterThan(1)
  })
})

/** Non-reversed items of a dimension. */
function goodPracticeItems(ls: TestLinkscore, dimension: string): string[] {
  const q = ls.services.catalogue.get('good-practice')
  return q.sections
    .flatMap((s) => s.items)
    .filter((i) => i.type === 'likert5' && !i.reverse && i.scale?.[0] === dimension)
    .map((i) => i.id)
}
