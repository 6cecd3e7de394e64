import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_TEXT_ANSWERS } from '../../server/demo/demo-profiles.js'
import { DEMO_ACTION_PLAN } from '../../server/demo/demo-action-plan.js'
import { seedDemo } from '../../server/demo/seed-demo.js'
import type { Page } from '../support/http-client.js'
import { staffClient } from '../support/report-expectations.js'
import { auditLines } from '../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const made: TestLinkscore[] = []
afterEach(async () => {
  for (const ls of made.splice(0)) await ls.close()
})
async function seededApp() {
  const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  return { ls, links: (await seedDemo(ls.repos, ls.services))! }
}
async function freshlySeeded() {
  const seeded = await seededApp()
  made.push(seeded.ls)
  return seeded
}

// Seeding takes seconds: the file seeds once, and each test gets its own copy of that database.
let original: Awaited<ReturnType<typeof seededApp>>
beforeAll(async () => {
  original = await seededApp()
})
afterAll(() => original.ls.close())
async function seeded() {
  const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES, copyOf: original.ls })
  made.push(ls)
  return { ls, links: original.links }
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
  it('is labelled as synthetic, with 3 practices, two closed waves, an open one and 10 submitted responses per practice in each wave', async () => {
    const { ls, links } = await seeded()
    const programme = (await ls.repos.programmes.findBySlug('demo'))!
    expect(programme).toMatchObject({ name: 'Demo programme (synthetic data)', isDemo: true })
    expect((await ls.repos.practices.listByProgramme(programme.id)).map((p) => p.code)).toEqual(['DEMO01', 'DEMO02', 'DEMO03'])
    expect(
      (await ls.repos.waves.listByProgramme(programme.id)).map((w) => [w.slug, w.title, w.status, w.opensOn, w.closesOn, w.questionnaireIds.join(',')]),
    ).toEqual([
      ['baseline', 'Baseline survey (demo)', 'closed', '2026-01-05', '2026-02-27', 'context,normalisation,good-practice'],
      ['six-months', 'Six-month survey (demo)', 'closed', '2026-07-01', '2026-08-28', 'context,normalisation,good-practice'],
      ['twelve-months', 'Twelve-month survey (demo)', 'open', '2026-11-30', null, 'context,normalisation,good-practice'],
    ])
    const counts = await ls.db
      .selectFrom('response as r')
      .innerJoin('practice as p', 'p.id', 'r.practice_id')
      .innerJoin('wave as w', 'w.id', 'r.wave_id')
      .select((eb) => ['p.code', 'w.slug', 'r.submitted_at', eb.fn.countAll<number>().as('n')])
      .where('r.status', '=', 'submitted')
      .groupBy(['p.code', 'w.slug', 'r.submitted_at'])
      .orderBy('p.code')
      .orderBy('w.slug')
      .execute()
    const waves = [
      ['baseline', '2026-01-20T10:00:00.000Z', 10],
      ['six-months', '2026-07-15T10:00:00.000Z', 10],
      ['twelve-months', '2026-12-02T10:00:00.000Z', 10],
    ]
    expect(counts.map((c) => [c.code, c.slug, c.submitted_at, Number(c.n)])).toEqual(
      ['DEMO01', 'DEMO02', 'DEMO03'].flatMap((code) => waves.map((wave) => [code, ...wave])),
    )
    const languages = await ls.db
      .selectFrom('response')
      .select((eb) => ['language', eb.fn.countAll<number>().as('n')])
      .groupBy('language')
      .orderBy('language')
      .execute()
    expect(languages.map((l) => [l.language, Number(l.n)])).toEqual([
      ['en-GB', 72],
      ['nl', 18],
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
    expect(invitations.length).toBe(91)
    expect(invitations.filter((i) => i.used_at !== null && i.responseId !== null).length).toBe(90)
    expect(invitations.filter((i) => i.used_at === null && i.responseId === null).length).toBe(1)
    expect(links.openLinkPath).toBe('/p/DEMO01/twelve-months')
    expect(links.invitationPath).toMatch(/^\/s\/[A-Za-z0-9_-]{24}$/)
  })

  it('generates the same answers every time', async () => {
    const first = await answers(original.ls)
    expect(first.length).toBeGreaterThan(1000)
    expect(await answers((await freshlySeeded()).ls)).toEqual(first)
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
    expect(Number(responses.n)).toBe(90)
  })

  it('shows a steering group mixed change at twelve months: rises and falls that are significant, and changes that are not', async () => {
    const { ls } = await seeded()
    const programme = (await ls.repos.programmes.findBySlug('demo'))!
    const [, six, twelve] = await ls.repos.waves.listByProgramme(programme.id)
    const change = await ls.services.scoring.compare(programme, six!, twelve!)
    const flags = (code: string) => {
      const shown = change.filter((c) => c.practiceCode === code && !c.withheld)
      const count = (keep: (c: (typeof shown)[number] & { withheld: false }) => boolean) => shown.filter((c) => !c.withheld && keep(c)).length
      return {
        rise: count((c) => c.changed === true && c.difference > 0),
        fall: count((c) => c.changed === true && c.difference < 0),
        notSignificant: count((c) => c.changed === false),
      }
    }
    expect(flags('DEMO01')).toEqual({ rise: 6, fall: 4, notSignificant: 33 })
    expect(flags('DEMO02')).toEqual({ rise: 3, fall: 1, notSignificant: 39 })
    expect(flags('DEMO03')).toEqual({ rise: 0, fall: 0, notSignificant: 43 })
  })

  it('records the first practice’s action plan for its priorities after six months and after twelve, through the action service', async () => {
    const { ls } = await seeded()
    const programme = (await ls.repos.programmes.findBySlug('demo'))!
    const rows = await ls.services.actions.exportRows(programme)
    expect(rows.map((r) => [r.waveSlug, r.practiceCode, r.questionnaireId, r.scale, r.recordedAt, r.recordedBy])).toEqual([
      ['six-months', 'DEMO01', 'good-practice', 'policy/monitoring', '2026-09-16T13:00:00.000Z', null],
      ['six-months', 'DEMO01', 'good-practice', 'policy/policymaking', '2026-09-16T13:00:00.000Z', null],
      ['six-months', 'DEMO01', 'good-practice', 'policy/stable_funding', '2026-09-16T13:00:00.000Z', null],
      ['six-months', 'DEMO01', 'normalisation', 'reflexive_monitoring/communal_appraisal', '2026-09-16T13:00:00.000Z', null],
      ['six-months', 'DEMO01', 'normalisation', 'reflexive_monitoring/reconfiguration', '2026-09-16T13:00:00.000Z', null],
      ['six-months', 'DEMO01', 'normalisation', 'reflexive_monitoring/systematisation', '2026-09-16T13:00:00.000Z', null],
      ['twelve-months', 'DEMO01', 'good-practice', 'policy/monitoring', '2026-12-04T13:00:00.000Z', null],
      ['twelve-months', 'DEMO01', 'good-practice', 'policy/policymaking', '2026-12-04T13:00:00.000Z', null],
      ['twelve-months', 'DEMO01', 'good-practice', 'policy/stable_funding', '2026-12-04T13:00:00.000Z', null],
      ['twelve-months', 'DEMO01', 'normalisation', 'cognitive_participation/legitimation', '2026-12-04T13:00:00.000Z', null],
      ['twelve-months', 'DEMO01', 'normalisation', 'coherence/internalisation', '2026-12-04T13:00:00.000Z', null],
      ['twelve-months', 'DEMO01', 'normalisation', 'reflexive_monitoring/reconfiguration', '2026-12-04T13:00:00.000Z', null],
    ])
    for (const r of rows) expect(r).toMatchObject(DEMO_ACTION_PLAN[r.waveSlug]!.actions[r.questionnaireId]![r.scale]!)
    expect((await auditLines(ls)).map((l) => l.split(' {')[0])).toEqual(Array(12).fill('action recorded (start-up)'))
  })

  it('shows the steering group, on the twelve-month scorecard, the change since six months beside the six-month actions, each priority’s action and three waves', async () => {
    const { ls } = await seeded()
    const steering = await staffClient(ls, ls.app, 'steer@example.org', 'steering', { practices: ['DEMO01'] })
    const page = await steering.get('/programmes/demo/practices/DEMO01')
    expect(page.status).toBe(200)
    const text = (el: Parameters<Page['$']>[0]) => page.$(el).text().replace(/\s+/g, ' ').trim()
    expect(text('#earlier-actions-heading')).toBe('Actions agreed after Six-month survey (demo)')
    expect(
      page
        .$('#earlier-actions tbody tr')
        .toArray()
        .map((tr) => [text(page.$(tr).find('th')), text(page.$(tr).find('td').last())]),
    ).toEqual([
      ['Measuring what matters (suitable monitoring strategies) Good practice', '+25, significant rise'],
      ['Policy shaped from the ground up (bottom-up and coherent policymaking) Good practice', '+14, significant rise'],
      ['Stable funding Good practice', '+20, significant rise'],
      ['Judging it together (communal appraisal) Normalisation', '+19, significant rise'],
      ['Adjusting how it works (reconfiguration) Normalisation', '+14, not significant'],
      ['Gathering information on it (systematisation) Normalisation', '+20, not significant'],
    ])
    const agreed = (action: string, owner: string, review: string) => `Action: ${action} (${owner}, review by ${review})`
    const planned: Record<string, string[]> = {
      normalisation: [
        agreed(
          'Open each practice meeting with one patient’s account, shared with consent, of what social prescribing changed for them',
          'Link worker',
          '26 March 2027',
        ),
        agreed('Keep the monthly link worker slot, and report back at the next meeting on each change agreed there', 'Practice manager', '26 March 2027'),
        agreed(
          'Write social prescribing into the job descriptions of reception and nursing staff, so referring is part of the role',
          'Practice manager',
          '30 April 2027',
        ),
      ],
      'good-practice': [
        agreed(
          'Ask the PCN board to give community groups a standing place on its social prescribing working group',
          'PCN clinical director',
          '26 February 2027',
        ),
        agreed(
          'Share the new three-measure report with community groups, and ask them which figure would help them most',
          'PCN social prescribing lead',
          '26 March 2027',
        ),
        agreed(
          'Make the case to the integrated care board for a three-year link worker contract, with this year’s scorecards attached',
          'PCN clinical director',
          '29 January 2027',
        ),
      ],
    }
    for (const questionnaire of ['normalisation', 'good-practice']) {
      const priorities = page.$(`#priorities-${questionnaire}`).parent().find('li').toArray()
      expect(
        priorities.map((li) => text(page.$(li).find('.ls-action'))),
        questionnaire,
      ).toEqual(planned[questionnaire])
    }
    const flags = new Set(
      page
        .$('section[aria-labelledby="normalisation-heading"] .ls-change-flag, section[aria-labelledby="good-practice-heading"] .ls-change-flag')
        .toArray()
        .map((el) => text(el)),
    )
    // Up, down and the same: what a steering group should see a year in.
    expect([...flags].sort()).toEqual([', not significant', ', significant fall', ', significant rise'])
    expect(
      page
        .$('.ls-trajectory')
        .first()
        .find('thead tr')
        .first()
        .find('th')
        .toArray()
        .map((th) => text(th)),
    ).toEqual(['Baseline survey (demo)', 'Six-month survey (demo)', 'Twelve-month survey (demo)'])
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
