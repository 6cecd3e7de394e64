import { afterEach, describe, expect, it } from 'vitest'
import { seedDemo } from '../../server/demo/seed-demo.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const made: TestLinkscore[] = []
afterEach(() => made.splice(0).forEach((ls) => ls.close()))
function seeded() {
  const ls = testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  made.push(ls)
  return { ls, links: seedDemo(ls.repos, ls.services)! }
}
const answers = (ls: TestLinkscore) =>
  ls.db
    .prepare(
      'SELECT r.id, p.code, w.slug, r.role, a.questionnaire_id, a.item_id, a.value FROM answer a JOIN response r ON r.id = a.response_id JOIN practice p ON p.id = r.practice_id JOIN wave w ON w.id = r.wave_id ORDER BY 1, 5, 6, 7',
    )
    .raw()
    .all()

describe('the demo programme', () => {
  it('is labelled as synthetic, with 3 practices, an open wave and 10 submitted responses per practice in each wave', () => {
    const { ls, links } = seeded()
    const programme = ls.repos.programmes.findBySlug('demo')!
    expect(programme).toMatchObject({ name: 'Demo programme (synthetic data)', isDemo: true })
    expect(ls.repos.practices.listByProgramme(programme.id).map((p) => p.code)).toEqual(['DEMO01', 'DEMO02', 'DEMO03'])
    expect(ls.repos.waves.listByProgramme(programme.id).map((w) => [w.slug, w.status, w.questionnaireIds.join(',')])).toEqual([
      ['baseline', 'closed', 'context,normalisation,good-practice'],
      ['six-months', 'open', 'context,normalisation,good-practice'],
    ])
    const counts = ls.db
      .prepare(
        "SELECT p.code, w.slug, count(*) FROM response r JOIN practice p ON p.id = r.practice_id JOIN wave w ON w.id = r.wave_id WHERE r.status = 'submitted' GROUP BY 1, 2",
      )
      .raw()
      .all()
    expect(counts).toEqual([
      ['DEMO01', 'baseline', 10],
      ['DEMO01', 'six-months', 10],
      ['DEMO02', 'baseline', 10],
      ['DEMO02', 'six-months', 10],
      ['DEMO03', 'baseline', 10],
      ['DEMO03', 'six-months', 10],
    ])
    expect(links.openLinkPath).toBe('/p/DEMO01/six-months')
    expect(links.invitationPath).toMatch(/^\/s\/[A-Za-z0-9_-]{24}$/)
  })

  it('generates the same answers every time', () => {
    const first = answers(seeded().ls)
    expect(first.length).toBeGreaterThan(1000)
    expect(answers(seeded().ls)).toEqual(first)
  })

  it('seeds only an empty database, and offers the same unused invitation on the next start', () => {
    const { ls, links } = seeded()
    const again = seedDemo(ls.repos, ls.services)!
    expect(again.created).toBe(false)
    expect(again.invitationPath).toBe(links.invitationPath)
    expect(ls.db.prepare('SELECT count(*) FROM response').pluck().get()).toBe(60)
  })

  it('shows real contrasts: one practice strong on organisational support and weak on policy, one the reverse', () => {
    const { ls } = seeded()
    const mean = (code: string, dimension: string) =>
      ls.db
        .prepare(
          `SELECT avg(CAST(a.value AS REAL)) FROM answer a JOIN response r ON r.id = a.response_id JOIN practice p ON p.id = r.practice_id
        WHERE p.code = ? AND a.questionnaire_id = 'good-practice' AND a.value GLOB '[1-5]' AND a.item_id IN (${goodPracticeItems(ls, dimension)})`,
        )
        .pluck()
        .get(code) as number
    expect(mean('DEMO01', 'organisational') - mean('DEMO01', 'policy')).toBeGreaterThan(1)
    expect(mean('DEMO02', 'policy') - mean('DEMO02', 'organisational')).toBeGreaterThan(1)
  })
})

/** Non-reversed items of a dimension, quoted for SQL. */
function goodPracticeItems(ls: TestLinkscore, dimension: string): string {
  const q = ls.services.catalogue.get('good-practice')
  return q.sections
    .flatMap((s) => s.items)
    .filter((i) => i.type === 'likert5' && !i.reverse && i.scale?.[0] === dimension)
    .map((i) => `'${i.id}'`)
    .join(',')
}
