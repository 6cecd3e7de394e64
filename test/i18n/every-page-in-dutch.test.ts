// Every page the authorisation matrix visits, as each kind of visitor sees it, in Dutch: no English left beside the
// English page of the same state, and <html lang="nl">. Refusals (404, 409, 422) are pages too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { englishLeft } from '../support/english-left.js'
import type { HttpClient } from '../support/http-client.js'
import { ROUTES, SEEDED_ACTION, seedRouteMatrix, visit, visitorClient, type Route, type Visitor } from '../support/route-matrix.js'
import { FIXTURE_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'
import { loadQuestionnaires } from '../../server/questionnaires/load-questionnaires.js'
import { questionnaireTexts } from '../../server/questionnaires/questionnaire-texts.js'

const VISITORS_SEEN: Visitor[] = ['anonymous', 'admin', 'evaluator in scope', 'steering in scope']

/** The fixture's names and codes, the same in every language. */
const DATA = new Set([
  'north',
  'south',
  'east',
  'North PCN',
  'South PCN',
  'East PCN',
  'North One',
  'South One',
  'East One',
  'Open wave',
  'Spring',
  'social prescribing',
  SEEDED_ACTION.action,
  SEEDED_ACTION.owner,
])
/** The fixture questionnaire has no Dutch: its texts are the study's own words, shown as written. */
const PILOT = new Set(
  [...questionnaireTexts(loadQuestionnaires(FIXTURE_QUESTIONNAIRES)[0]!.questionnaire).values()].map((text) =>
    text.replaceAll('{intervention}', 'social prescribing').trim(),
  ),
)
/** Data, codes and the staff role "evaluator" (the same word in Dutch), alone or joined by punctuation and numbers. */
const DATA_WORDS = [...DATA, ...PILOT, 'Pilot', 'pilot', 'evaluator', 'linkscore export'].filter((w) => w.length > 0).sort((a, b) => b.length - a.length)
const allowed = (text: string) => {
  let rest = text.replace(/\S+@example\.org/g, '').replace(/\b(English|Nederlands)\b/g, '')
  for (const word of DATA_WORDS) rest = rest.replaceAll(word, '')
  return !/[A-Za-z]{3}/.test(rest.replace(/\b[A-Z]\d+\b/g, ''))
}

/** Pages, not downloads or redirects. */
const isPage = (route: Route, visitor: Visitor) =>
  route.expected[visitor] !== 303 && !/\.(csv|R|sps|do|css|js)(\?|$)/.test(route.path) && route.path !== '/healthz' && !route.path.startsWith('/language')

let ls: TestLinkscore
const clients = new Map<string, { client: HttpClient; csrf: string }>()

beforeAll(async () => {
  ls = await testLinkscore()
  const passwords = await seedRouteMatrix(ls)
  const east = (await ls.repos.programmes.findBySlug('east'))!
  await ls.repos.programmes.update(east.id, { ...east, languages: ['en-GB', 'nl'] })
  for (const visitor of VISITORS_SEEN) {
    clients.set(`${visitor} en-GB`, await visitorClient(ls, passwords, visitor))
    clients.set(`${visitor} nl`, await visitorClient(ls, passwords, visitor, (c) => c.get('/language?to=nl&next=%2F')))
  }
}, 60_000)
afterAll(() => ls.close())

const cases = VISITORS_SEEN.flatMap((visitor) =>
  ROUTES.filter((r) => isPage(r, visitor)).map((route) => ({ visitor, route, name: `${route.method} ${route.path}` })),
)

describe.each(cases)('$name, as $visitor, in Dutch', ({ visitor, route }) => {
  it('has no English left', async () => {
    const en = await visit(route, clients.get(`${visitor} en-GB`)!)
    // A start page speaks the language its link asks for (a staff member's choice is theirs, not the respondent's).
    const nl = await visit(route.path.startsWith('/p/') ? { ...route, path: `${route.path}?lang=nl` } : route, clients.get(`${visitor} nl`)!)
    expect([en.status, nl.status]).toEqual([route.expected[visitor], route.expected[visitor]])
    expect(nl.$('html').attr('lang')).toBe('nl')
    expect(englishLeft(nl.$.html(), { sameAsEnglishPage: en.$.html(), allowed }).map((e) => `${e.text} (${e.why})`)).toEqual([])
  })
})
