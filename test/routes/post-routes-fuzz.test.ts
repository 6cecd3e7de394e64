// Every POST route the app registers, fed hostile form bodies by a signed-in admin and by an anonymous visitor, each with a
// valid CSRF token so the bodies reach validation: no answer is ever a 5xx or a stack trace, and nothing already saved changes.
// The bodies come from a seeded generator, so a failure names a body that fails again on every run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededRandom, type SeededRandom } from '../../server/demo/seeded-random.js'
import { httpClient, type HttpClient } from '../support/http-client.js'
import { registeredRoutes } from '../support/registered-routes.js'
import { addStaff, signIn } from '../support/staff-users.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const BODIES_PER_ROUTE = 24

/** Values a form field should never be able to turn into a crash or a saved change. */
const HOSTILE_VALUES = [
  '',
  ' ',
  "' OR 1=1 --",
  "'); DROP TABLE answer; --",
  '" onmouseover="alert(1)',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x.example","y")',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\ud800',
  '💥'.repeat(50),
  'x'.repeat(100_000),
  '-1',
  '1e309',
  'NaN',
  '9007199254740993',
  'true',
  'null',
  '[]',
  '{}',
  '2026-02-30',
  '2026-13-01T25:61',
  'nr_role_but_not_quite',
]

/** Field names: the ones the app's forms use, and names that try the body parser. */
const FIELD_NAMES = [
  'email',
  'password',
  'next',
  'role',
  'p_role_years',
  'p_leaders',
  'p_confidence',
  'p_channels',
  'p_comments',
  'reason',
  'practice',
  'wave',
  'from',
  'to',
  'id',
  'confirm',
  '__proto__',
  'constructor[prototype][polluted]',
  '__proto__[polluted]',
  'a[b][c][d][e][f][g]',
  'role[]',
  'p_leaders[0]',
]

/** One hostile form body, url-encoded as a browser would send it (or, now and then, as no browser would). */
function hostileBody(random: SeededRandom): string {
  const params = new URLSearchParams()
  const fields = 1 + Math.floor(random.next() * 6)
  for (let i = 0; i < fields; i++) {
    const name = random.pick(FIELD_NAMES)
    const repeats = random.chance(0.2) ? 3 : 1
    for (let r = 0; r < repeats; r++) params.append(name, random.pick(HOSTILE_VALUES))
  }
  const body = params.toString()
  return random.chance(0.1) ? `${body}&%E0%A4%A=broken-percent-encoding` : body
}

/** The tables whose rows are "what is saved"; sessions, rate-limit counts, sign-in failures and the audit log may change. */
const SAVED_TABLES = [
  'programme',
  'practice',
  'wave',
  'wave_questionnaire',
  'practice_stage',
  'questionnaire_version',
  'invitation',
  'staff_user',
  'staff_scope',
  'setting',
] as const

let ls: TestLinkscore
let adminPassword: string
let submittedToken: string
let inProgressToken: string
let invitationToken: string
let lastResponseBefore: number

async function savedState(): Promise<Record<string, unknown[]>> {
  const state: Record<string, unknown[]> = {}
  for (const table of SAVED_TABLES) state[table] = await ls.db.selectFrom(table).selectAll().execute()
  // Signing in (each visitor signs in afresh) records when: that is not something a hostile body saved.
  state.staff_user = state.staff_user!.map((row) => ({ ...(row as Record<string, unknown>), last_signed_in_at: undefined }))
  // The responses made in beforeAll (submitted and in progress), their saved pages and answers: a hostile body saves
  // nothing to them. Responses that a start route makes during the fuzzing are new rows, not changes.
  state.response = await ls.db.selectFrom('response').selectAll().where('id', '<=', lastResponseBefore).orderBy('id').execute()
  for (const table of ['saved_page', 'answer'] as const) {
    state[table] = await ls.db.selectFrom(table).selectAll().where('response_id', '<=', lastResponseBefore).execute()
  }
  return state
}

/** A real value for each route parameter, so the bodies reach the handlers instead of a 404. */
function concretePath(path: string): string {
  const values: Record<string, string> = {
    token: inProgressToken,
    practiceCode: 'P001',
    waveSlug: 'baseline',
    slug: 'test',
    code: 'P001',
    questionnaireId: 'pilot',
    sectionId: 'first-page',
  }
  return path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '1')
}

async function fill(client: HttpClient, token: string, page: string, fields: Record<string, string | string[]>): Promise<void> {
  expect((await client.submit(`/r/${token}/${page}`, fields)).status).toBe(303)
}

beforeAll(async () => {
  ls = await testLinkscore({ signIn: { addressFreeFailures: 100_000, accountFreeFailures: 100_000 } })
  await seedProgramme(ls, ['pilot'])
  adminPassword = await addStaff(ls, 'fuzz-admin@example.org', 'admin')
  const [invitation] = await ls.services.admin.createInvitations({ programme: 'test', wave: 'baseline', practice: 'P001', count: 1 })
  invitationToken = invitation!.split('/')[2]!

  const respondent = httpClient(ls.app)
  // Started already, so that posting its start form again resumes it and changes nothing.
  expect((await respondent.submit(`/s/${invitationToken}`, {})).status).toBe(303)
  const start = async () => (await respondent.submit('/p/P001/baseline', {})).location!.split('/')[2]!
  submittedToken = await start()
  await fill(respondent, submittedToken, 'about-you', { role: 'gp' })
  await fill(respondent, submittedToken, 'pilot/first-page', { p_role_years: 'long', p_leaders: '4', p_confidence: '7' })
  await fill(respondent, submittedToken, 'pilot/second-page', { p_training_gp: '2', p_comments: 'Kept as typed.' })
  expect((await respondent.submit(`/r/${submittedToken}/check-answers`, {})).status).toBe(303)
  inProgressToken = await start()
  await fill(respondent, inProgressToken, 'about-you', { role: 'gp' })
  await fill(respondent, inProgressToken, 'pilot/first-page', { p_role_years: 'long', p_leaders: '2', p_confidence: '3' })
  lastResponseBefore = (
    await ls.db
      .selectFrom('response')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow()
  ).id
})
afterAll(() => ls.close())

const postRoutes = async () => {
  const probe = await testLinkscore()
  try {
    return registeredRoutes(probe.app)
      .filter((route) => route.method === 'POST')
      .map((route) => route.path)
  } finally {
    await probe.close()
  }
}

describe.each(await postRoutes())('POST %s, with hostile bodies', (path) => {
  it.each(['anonymous', 'admin'] as const)('answers the %s visitor without a 5xx, and saves nothing', async (visitor) => {
    const before = await savedState()
    const client = httpClient(ls.app)
    if (visitor === 'admin') expect((await signIn(client, 'fuzz-admin@example.org', adminPassword)).status).toBe(303)
    const url = concretePath(path).replace(inProgressToken, path.startsWith('/s/') ? invitationToken : inProgressToken)
    // A page with a form gives the token: the sign-in form when anonymous, the header's sign-out form when signed in.
    const csrf = (await client.get(visitor === 'admin' ? '/privacy' : '/sign-in')).csrf
    expect(csrf).not.toBe('')
    const statuses: number[] = []
    const random = seededRandom(path.length * 7919 + (visitor === 'admin' ? 1 : 0))
    for (let i = 0; i < BODIES_PER_ROUTE; i++) {
      const body = `_csrf=${encodeURIComponent(csrf)}&${hostileBody(random)}`
      const res = await client.postRaw(url, body)
      expect(res.status, `${visitor} POST ${url} with ${body.slice(0, 300)}`).toBeLessThan(500)
      statuses.push(res.status)
      expect(res.text, 'no stack trace').not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
    }
    // Every body passed the CSRF check and reached the handler; after signing out, the old token is rightly refused.
    const reachedHandler = path === '/sign-out' ? statuses.slice(0, 1) : statuses
    expect(reachedHandler.filter((status) => status === 403)).toEqual([])
    expect(await savedState()).toEqual(before)
  })
})
