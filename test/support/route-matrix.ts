// Every route × every kind of visitor, with the exact status each must get: the rows the authorisation matrix checks
// and the pages the Dutch test renders in both languages.
import { expect } from 'vitest'
import type { StaffRole } from '../../server/domain/staff-user.js'
import { httpClient, type HttpClient, type Page } from './http-client.js'
import { addStaff, signIn } from './staff-users.js'
import type { TestLinkscore } from './test-linkscore.js'

/** The visitors; "in scope" means covering programme `north` or its practice N1, which the routes below ask for. */
export const VISITORS = ['anonymous', 'admin', 'evaluator in scope', 'evaluator out of scope', 'steering in scope', 'steering out of scope'] as const
export type Visitor = (typeof VISITORS)[number]

const ACCOUNTS: Record<Exclude<Visitor, 'anonymous'>, { role: StaffRole; programmes?: string[]; practices?: string[] }> = {
  admin: { role: 'admin' },
  'evaluator in scope': { role: 'evaluator', programmes: ['north'] },
  'evaluator out of scope': { role: 'evaluator', programmes: ['south'] },
  'steering in scope': { role: 'steering', practices: ['N1'] },
  'steering out of scope': { role: 'steering', practices: ['S1'] },
}

export interface Route {
  method: 'GET' | 'POST'
  path: string
  expected: Record<Visitor, number>
  /** Where a 303 goes, when it matters. */
  redirects?: Partial<Record<Visitor, string>>
}

const everyone = (status: number, anonymous: number): Record<Visitor, number> =>
  Object.fromEntries(VISITORS.map((v) => [v, v === 'anonymous' ? anonymous : status])) as Record<Visitor, number>

/** Administration: admins get `status`; everyone else signed in is told the page does not exist. */
const adminsOnly = (status: number): Record<Visitor, number> => ({
  anonymous: 303,
  admin: status,
  'evaluator in scope': 404,
  'evaluator out of scope': 404,
  'steering in scope': 404,
  'steering out of scope': 404,
})

const exporters = (status: number): Record<Visitor, number> => ({
  anonymous: 303,
  admin: status,
  'evaluator in scope': status,
  'evaluator out of scope': 404,
  'steering in scope': 404,
  'steering out of scope': 404,
})

/** Staff accounts: admins, and any evaluator (for the steering members of their own programmes); never steering members. */
const accountManagers = (status: number): Record<Visitor, number> => ({ ...exporters(status), 'evaluator out of scope': status })

/** A practice's own pages: admins, the programme's evaluators and the practice's steering members. */
const practiceVisitors = (status: number): Record<Visitor, number> => ({ ...exporters(status), 'steering in scope': status })

/** A priority of N1's spring scorecard with no action yet, and one whose action the seed records. */
const PRIORITY = '/programmes/north/practices/N1/action?wave=spring&questionnaire=pilot&scale=organisational%2Ftraining'
const AGREED = 'wave=spring&questionnaire=pilot&scale=organisational%2Fleadership'
/** The words of the seeded action: the steering group's own, shown as written in every language. */
export const SEEDED_ACTION = { action: 'Put the service on the partners’ agenda', owner: 'Dr Shah' }

/** A steering member of N1 (so in the in-scope evaluator's reach), made after the visitors: the sixth account. */
const TARGET = '/accounts/6'

/** A response token no one was given: the survey's pages answer 404 to everyone, signed in or not. */
const NO_TOKEN = '/r/not-a-token-of-anyone-here'

export const ROUTES: Route[] = [
  // Open to everyone, and a staff session changes nothing. East's open wave has an open link; survey links are secret.
  { method: 'GET', path: '/healthz', expected: everyone(200, 200) },
  { method: 'GET', path: '/vendor/nhsuk/nhsuk-frontend.min.css', expected: everyone(200, 200) },
  { method: 'GET', path: '/vendor/nhsuk/nhsuk-frontend.min.js', expected: everyone(200, 200) },
  { method: 'GET', path: '/', expected: everyone(200, 200) },
  { method: 'GET', path: '/privacy', expected: everyone(200, 200) },
  { method: 'GET', path: '/accessibility', expected: everyone(200, 200) },
  { method: 'GET', path: '/language?to=nl&next=/privacy', expected: everyone(303, 303) },
  { method: 'GET', path: '/code', expected: everyone(200, 200) },
  { method: 'POST', path: '/code', expected: everyone(422, 422) },
  { method: 'GET', path: '/s/not-an-invitation-of-anyone', expected: everyone(404, 404) },
  { method: 'POST', path: '/s/not-an-invitation-of-anyone', expected: everyone(404, 404) },
  { method: 'GET', path: '/p/E1/open', expected: everyone(200, 200) },
  { method: 'POST', path: '/p/E1/open', expected: everyone(303, 303) },
  { method: 'GET', path: NO_TOKEN, expected: everyone(404, 404) },
  { method: 'GET', path: `${NO_TOKEN}/about-you`, expected: everyone(404, 404) },
  { method: 'POST', path: `${NO_TOKEN}/about-you`, expected: everyone(404, 404) },
  { method: 'GET', path: `${NO_TOKEN}/check-answers`, expected: everyone(404, 404) },
  { method: 'POST', path: `${NO_TOKEN}/check-answers`, expected: everyone(404, 404) },
  { method: 'GET', path: `${NO_TOKEN}/saved`, expected: everyone(404, 404) },
  { method: 'GET', path: `${NO_TOKEN}/confirmation`, expected: everyone(404, 404) },
  { method: 'GET', path: `${NO_TOKEN}/pilot/first-page`, expected: everyone(404, 404) },
  { method: 'POST', path: `${NO_TOKEN}/pilot/first-page`, expected: everyone(404, 404) },
  // Staff
  { method: 'GET', path: '/sign-in', expected: everyone(303, 200), redirects: { admin: '/staff', 'steering in scope': '/staff' } },
  { method: 'POST', path: '/sign-in', expected: everyone(422, 422) },
  { method: 'POST', path: '/sign-out', expected: everyone(303, 303), redirects: { anonymous: '/sign-in', admin: '/sign-in' } },
  { method: 'GET', path: '/staff', expected: everyone(200, 303), redirects: { anonymous: '/sign-in?next=%2Fstaff' } },
  {
    method: 'GET',
    path: '/audit',
    expected: adminsOnly(200),
    redirects: { anonymous: '/sign-in?next=%2Faudit' },
  },
  {
    method: 'GET',
    path: '/audit?page=1',
    expected: adminsOnly(200),
    redirects: { anonymous: '/sign-in?next=%2Faudit%3Fpage%3D1' },
  },
  // Every staff member's own sessions; anonymous visitors are sent to sign in. An empty form is not one the page sends.
  { method: 'GET', path: '/account/sessions', expected: everyone(200, 303), redirects: { anonymous: '/sign-in?next=%2Faccount%2Fsessions' } },
  { method: 'POST', path: '/account/sessions/end', expected: everyone(400, 303), redirects: { anonymous: '/sign-in' } },
  {
    method: 'POST',
    path: '/account/sessions/end-others',
    expected: everyone(303, 303),
    redirects: { anonymous: '/sign-in' },
  },
  // Programmes: admins only. An empty form is refused field by field (422).
  {
    method: 'GET',
    path: '/programmes',
    expected: adminsOnly(200),
    redirects: { anonymous: '/sign-in?next=%2Fprogrammes' },
  },
  {
    method: 'POST',
    path: '/programmes',
    expected: adminsOnly(422),
  },
  {
    method: 'GET',
    path: '/programmes/new',
    expected: adminsOnly(200),
  },
  {
    method: 'GET',
    path: '/programmes/north/edit',
    expected: adminsOnly(200),
  },
  {
    method: 'POST',
    path: '/programmes/north/edit',
    expected: adminsOnly(422),
  },
  {
    method: 'GET',
    path: '/programmes/nowhere/edit',
    expected: adminsOnly(404),
  },
  // East has an open wave, so archiving it is refused with the reason (and nothing changes for the rows after).
  { method: 'GET', path: '/programmes/east/archive', expected: adminsOnly(200) },
  { method: 'POST', path: '/programmes/east/archive', expected: adminsOnly(422) },
  { method: 'GET', path: '/programmes/nowhere/archive', expected: adminsOnly(404) },
  // North is in use: bringing it back into use changes nothing.
  { method: 'POST', path: '/programmes/north/restore', expected: adminsOnly(303), redirects: { admin: '/programmes' } },
  // Staff accounts: admins, and evaluators for their programmes' steering members; steering members never. An empty form
  // names no account, no role or no practice (422). A steering member of N1 is the in-scope evaluator's to manage only.
  { method: 'GET', path: '/accounts', expected: accountManagers(200), redirects: { anonymous: '/sign-in?next=%2Faccounts' } },
  { method: 'POST', path: '/accounts/disable', expected: accountManagers(422) },
  { method: 'POST', path: '/accounts/enable', expected: accountManagers(422) },
  { method: 'GET', path: '/accounts/new', expected: accountManagers(200) },
  { method: 'POST', path: '/accounts/new', expected: accountManagers(422) },
  { method: 'GET', path: '/accounts/one-time-password', expected: accountManagers(200) },
  { method: 'GET', path: `${TARGET}/role`, expected: exporters(200) },
  { method: 'POST', path: `${TARGET}/role`, expected: exporters(422) },
  { method: 'GET', path: `${TARGET}/password`, expected: exporters(200) },
  { method: 'POST', path: `${TARGET}/password`, expected: exporters(303), redirects: { admin: '/accounts/one-time-password' } },
  { method: 'GET', path: '/accounts/999/role', expected: adminsOnly(404) },
  { method: 'GET', path: '/accounts/not-a-number/password', expected: adminsOnly(404) },
  // Every staff member's own password. An empty form has no current password (422).
  { method: 'GET', path: '/account/password', expected: everyone(200, 303), redirects: { anonymous: '/sign-in?next=%2Faccount%2Fpassword' } },
  { method: 'POST', path: '/account/password', expected: everyone(422, 303), redirects: { anonymous: '/sign-in' } },
  // Exports: admins and the programme's evaluators; steering members never, even for their own practice's programme.
  { method: 'GET', path: '/programmes/north/exports', expected: exporters(200), redirects: { anonymous: '/sign-in?next=%2Fprogrammes%2Fnorth%2Fexports' } },
  { method: 'GET', path: '/programmes/north/exports/codebook.csv', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/exports/linkscore.R', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/exports/linkscore.sps', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/exports/linkscore.do', expected: exporters(200) },
  // North has no waves here: those allowed get the page saying so (422); the others must not learn even that.
  { method: 'GET', path: '/programmes/north/exports/answers.csv?wave=baseline', expected: exporters(422) },
  { method: 'GET', path: '/programmes/nowhere/exports', expected: everyone(404, 303) },
  // Setting responses aside: like exports. North has no waves, so the form's wave is missing (422); it has no exclusion 1.
  {
    method: 'GET',
    path: '/programmes/north/exclusions',
    expected: exporters(200),
    redirects: { anonymous: '/sign-in?next=%2Fprogrammes%2Fnorth%2Fexclusions' },
  },
  { method: 'POST', path: '/programmes/north/exclusions', expected: exporters(422) },
  { method: 'POST', path: '/programmes/north/exclusions/1/restore', expected: exporters(404) },
  { method: 'POST', path: '/programmes/nowhere/exclusions', expected: everyone(404, 303) },
  // The practice scorecard: its steering members too; the comparison: like exports, never steering members.
  {
    method: 'GET',
    path: '/programmes/north/practices/N1',
    expected: { anonymous: 303, admin: 200, 'evaluator in scope': 200, 'evaluator out of scope': 404, 'steering in scope': 200, 'steering out of scope': 404 },
    redirects: { anonymous: '/sign-in?next=%2Fprogrammes%2Fnorth%2Fpractices%2FN1' },
  },
  {
    method: 'GET',
    path: '/programmes/north/practices/N1?wave=nope',
    expected: adminsOnly(404),
  },
  { method: 'GET', path: '/programmes/south/practices/N1', expected: everyone(404, 303) },
  // A priority's action: whoever sees the scorecard, and nobody else. An empty form has no action, owner or date (422);
  // the seeded action is removed by the first visitor allowed, and removing it again changes nothing.
  { method: 'GET', path: PRIORITY, expected: practiceVisitors(200) },
  { method: 'POST', path: PRIORITY, expected: practiceVisitors(422) },
  { method: 'GET', path: PRIORITY.replace('spring', 'nope'), expected: everyone(404, 303) },
  { method: 'GET', path: PRIORITY.replace('/north/', '/south/'), expected: everyone(404, 303) },
  { method: 'GET', path: `/programmes/north/practices/N1/action/remove?${AGREED}`, expected: practiceVisitors(200) },
  {
    method: 'POST',
    path: `/programmes/north/practices/N1/action/remove?${AGREED}`,
    expected: practiceVisitors(303),
    redirects: {
      admin: '/programmes/north/practices/N1?wave=spring#priorities-pilot',
      'steering in scope': '/programmes/north/practices/N1?wave=spring#priorities-pilot',
    },
  },
  // A practice's free text, reviewed by its programme's evaluators and admins, never its steering members. A form that
  // names no answer of the practice (as an empty one) is a page that does not exist, for everyone.
  { method: 'GET', path: '/programmes/north/practices/N1/free-text', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/practices/N1/free-text?wave=spring', expected: exporters(200) },
  { method: 'GET', path: '/programmes/south/practices/N1/free-text', expected: everyone(404, 303) },
  { method: 'POST', path: '/programmes/north/practices/N1/free-text/hide', expected: everyone(404, 303) },
  { method: 'POST', path: '/programmes/north/practices/N1/free-text/show', expected: everyone(404, 303) },
  { method: 'GET', path: '/programmes/north/compare', expected: exporters(200), redirects: { anonymous: '/sign-in?next=%2Fprogrammes%2Fnorth%2Fcompare' } },
  { method: 'GET', path: '/programmes/north/compare?setting=link_worker&sort=good-practice&dir=asc', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/compare?sort=stage&page=999', expected: exporters(200) },
  { method: 'GET', path: '/programmes/nowhere/compare', expected: everyone(404, 303) },
  // The whole comparison as CSV: whoever sees the comparison, with its filters and order.
  {
    method: 'GET',
    path: '/programmes/north/compare.csv',
    expected: exporters(200),
    redirects: { anonymous: '/sign-in?next=%2Fprogrammes%2Fnorth%2Fcompare.csv' },
  },
  { method: 'GET', path: '/programmes/north/compare.csv?rurality=rural&sort=rate&dir=asc&page=3', expected: exporters(200) },
  { method: 'GET', path: '/programmes/nowhere/compare.csv', expected: everyone(404, 303) },
  {
    method: 'GET',
    path: '/programmes/north/compare-waves',
    expected: exporters(200),
    redirects: { anonymous: '/sign-in?next=%2Fprogrammes%2Fnorth%2Fcompare-waves' },
  },
  { method: 'GET', path: '/programmes/north/compare-waves?questionnaire=good-practice&context=stage', expected: exporters(200) },
  { method: 'GET', path: '/programmes/nowhere/compare-waves', expected: everyone(404, 303) },
  // Instrument quality: like exports, never steering members. North's one wave, spring; an unknown wave is not found.
  {
    method: 'GET',
    path: '/programmes/north/instrument-quality',
    expected: exporters(200),
    redirects: { anonymous: '/sign-in?next=%2Fprogrammes%2Fnorth%2Finstrument-quality' },
  },
  { method: 'GET', path: '/programmes/north/instrument-quality?wave=spring&setting=link_worker', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/instrument-quality?wave=autumn', expected: exporters(404) },
  { method: 'GET', path: '/programmes/nowhere/instrument-quality', expected: everyone(404, 303) },
  // Waves: like exports. North's one wave, spring, has no dates; an empty form has no title (422). Opening and closing
  // an open or closed wave again changes nothing, so every visitor allowed gets the same 303.
  { method: 'GET', path: '/programmes/north/waves', expected: exporters(200), redirects: { anonymous: '/sign-in?next=%2Fprogrammes%2Fnorth%2Fwaves' } },
  { method: 'POST', path: '/programmes/north/waves', expected: exporters(422) },
  { method: 'GET', path: '/programmes/north/waves/new', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/waves/new?from=spring', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/waves/spring/edit', expected: exporters(200) },
  { method: 'POST', path: '/programmes/north/waves/spring/edit', expected: exporters(422) },
  { method: 'GET', path: '/programmes/north/waves/spring/open', expected: exporters(200) },
  { method: 'POST', path: '/programmes/north/waves/spring/open', expected: exporters(303), redirects: { admin: '/programmes/north/waves#wave-spring' } },
  { method: 'GET', path: '/programmes/north/waves/spring/close', expected: exporters(200) },
  { method: 'POST', path: '/programmes/north/waves/spring/close', expected: exporters(303) },
  { method: 'GET', path: '/programmes/north/waves/spring/fieldwork', expected: practiceVisitors(200) },
  { method: 'GET', path: '/programmes/north/waves/spring/invitations/new', expected: exporters(200) },
  { method: 'POST', path: '/programmes/north/waves/spring/invitations', expected: exporters(422) },
  { method: 'GET', path: '/programmes/north/waves/spring/invitations.csv', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/waves/spring/letters', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/waves/spring/posters', expected: exporters(200) },
  // E-mail invitations: the matrix's Linkscore has no SMTP server, so the page says so and sending or reminding is
  // refused (409); deleting the (no) addresses is always allowed.
  { method: 'GET', path: '/programmes/north/waves/spring/email-invitations', expected: exporters(200) },
  { method: 'POST', path: '/programmes/north/waves/spring/email-invitations', expected: exporters(409) },
  { method: 'POST', path: '/programmes/north/waves/spring/email-invitations/remind', expected: exporters(409) },
  {
    method: 'POST',
    path: '/programmes/north/waves/spring/email-invitations/delete',
    expected: exporters(303),
    redirects: { admin: '/programmes/north/waves/spring/email-invitations?deleted=0' },
  },
  { method: 'GET', path: '/programmes/south/waves/spring/email-invitations', expected: everyone(404, 303) },
  // Practices: like the waves. N1 has a response, so removing it is refused (409); an empty form names its fields (422).
  { method: 'GET', path: '/programmes/north/practices', expected: exporters(200), redirects: { anonymous: '/sign-in?next=%2Fprogrammes%2Fnorth%2Fpractices' } },
  { method: 'POST', path: '/programmes/north/practices', expected: exporters(422) },
  { method: 'GET', path: '/programmes/north/practices/new', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/practices/N1/edit', expected: exporters(200) },
  { method: 'POST', path: '/programmes/north/practices/N1/edit', expected: exporters(422) },
  { method: 'GET', path: '/programmes/north/practices/N1/remove', expected: exporters(200) },
  { method: 'POST', path: '/programmes/north/practices/N1/remove', expected: exporters(409) },
  { method: 'GET', path: '/programmes/north/practices/import', expected: exporters(200) },
  { method: 'POST', path: '/programmes/north/practices/import', expected: exporters(422) },
  { method: 'POST', path: '/programmes/north/practices/import/confirm', expected: exporters(400) },
  { method: 'GET', path: '/programmes/north/practices/import/template.csv', expected: exporters(200) },
  { method: 'GET', path: '/programmes/north/practices/S1/edit', expected: everyone(404, 303) },
  { method: 'GET', path: '/programmes/north/waves/nope/edit', expected: everyone(404, 303) },
  { method: 'GET', path: '/programmes/nowhere/waves', expected: everyone(404, 303) },
]

/** The programmes, practices, wave, response and accounts the rows ask for; the visitors' passwords. */
export async function seedRouteMatrix(ls: TestLinkscore): Promise<Map<Visitor, string>> {
  const passwords = new Map<Visitor, string>()
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addProgramme({ slug: 'south', name: 'South PCN' })
  await admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
  await admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })
  await admin.addProgramme({ slug: 'east', name: 'East PCN' })
  await admin.addPractice({ programme: 'east', code: 'E1', name: 'East One' })
  await admin.addWave({ programme: 'east', slug: 'open', title: 'Open wave', questionnaires: ['pilot'], open: true })
  const spring = await admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['pilot'] })
  const n1 = (await ls.repos.practices.findByCode('N1'))!
  await ls.repos.responses.create({
    invitationId: null,
    practiceId: n1.id,
    waveId: spring.id,
    resumeToken: 'n1-response',
    source: 'open_link',
    role: null,
    setting: null,
    at: '2026-01-01T00:00:00.000Z',
  })
  for (const [visitor, account] of Object.entries(ACCOUNTS)) {
    passwords.set(visitor as Visitor, await addStaff(ls, `${visitor.replaceAll(' ', '-')}@example.org`, account.role, account))
  }
  await addStaff(ls, 'target@example.org', 'steering', { practices: ['N1'] })
  expect((await ls.repos.staffUsers.findByEmail('target@example.org'))?.id, 'TARGET names this account').toBe(6)
  const agreed = { practiceId: n1.id, waveId: spring.id, questionnaireId: 'pilot', scale: 'organisational/leadership' }
  await ls.repos.actions.add(agreed, { ...SEEDED_ACTION, reviewOn: '2026-06-30', at: '2026-01-02T00:00:00.000Z', byUserId: null })
  return passwords
}

/** A client signed in as the visitor, with a form token; `before` runs first (to choose a language, say). */
export async function visitorClient(
  ls: TestLinkscore,
  passwords: Map<Visitor, string>,
  visitor: Visitor,
  before: (client: HttpClient) => Promise<unknown> = async () => {},
): Promise<{ client: HttpClient; csrf: string }> {
  const client = httpClient(ls.app)
  await before(client)
  if (visitor === 'anonymous') return { client, csrf: (await client.get('/sign-in')).csrf }
  const signedIn = await signIn(client, `${visitor.replaceAll(' ', '-')}@example.org`, passwords.get(visitor)!)
  expect(signedIn.status, `${visitor} signs in`).toBe(303)
  // The header's sign-out form carries the token on every page.
  return { client, csrf: (await client.get('/privacy')).csrf }
}

export async function visit(route: Route, { client, csrf }: { client: HttpClient; csrf: string }): Promise<Page> {
  return route.method === 'GET' ? client.get(route.path) : client.post(route.path, {}, csrf)
}
