// What the start, confirmation and privacy pages tell a respondent about who runs the study, its approval, how long
// answers are kept and how to ask about it, from the programme's details, with sensible words when they are not given.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { httpClient } from '../../support/http-client.js'
import { addStaff } from '../../support/staff-users.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(async () => {
  ls = await testLinkscore()
  await seedProgramme(ls, ['pilot'])
  await addStaff(ls, 'ada@example.org', 'admin')
})
afterAll(() => ls.close())

const paragraphsUnder = (page: Awaited<ReturnType<ReturnType<typeof httpClient>['get']>>, heading: string) =>
  page
    .$(`h2:contains("${heading}")`)
    .nextUntil('h2')
    .filter('p')
    .map((_, p) => page.$(p).text().trim().replace(/\s+/g, ' '))
    .get()

const aboutTheStudy = async () => {
  const page = await httpClient(ls.app).get('/p/P001/baseline')
  return {
    runBy: page.$('main p').first().text().replace(/\s+/g, ' '),
    paragraphs: paragraphsUnder(page, 'About the study'),
    privacyHref: page.$('a:contains("Read more about privacy")').attr('href'),
  }
}

it('says the programme runs the study, that it decides how long answers are kept, and to ask whoever sent the link, when nothing more is given', async () => {
  const { runBy, paragraphs, privacyHref } = await aboutTheStudy()
  expect(runBy).toContain('It is run by Test programme to help')
  expect(paragraphs).toEqual([
    'Test programme decides how long answers are kept. Ask the person who sent you the link if you want to know.',
    'If you have a question about the study, ask the person who sent you the link.',
  ])
  expect(privacyHref).toBe('/privacy?programme=test')
})

const DETAILS = {
  name: 'Test programme',
  intervention: 'social prescribing',
  minPracticeN: '3',
  minBreakdownN: '5',
  organisation: 'University of Somewhere',
  contact: 'Dr A Shah (a.shah@example.org)',
  approvalReference: 'IRAS 312345',
  retention: 'until the end of 2028, then deleted',
  studyInformation: 'Approved by the <b>ethics</b> committee.\n\nYou can withdraw until the wave closes.',
}
const STUDY_PARAGRAPHS = [
  'The study is run by University of Somewhere.',
  'Ethics or approval reference: IRAS 312345.',
  'How long answers are kept: until the end of 2028, then deleted.',
  'Approved by the <b>ethics</b> committee.',
  'You can withdraw until the wave closes.',
  'If you have a question about the study, contact Dr A Shah (a.shah@example.org).',
]

it('shows the organisation, the approval reference, how long answers are kept, the contact and each line of the other text, as text', async () => {
  const admin = (await ls.repos.staffUsers.findByEmail('ada@example.org'))!
  await ls.services.programmes.edit({ id: admin.id, email: admin.email, role: 'admin', programmeIds: [], practiceIds: [] }, 'test', DETAILS)
  const { runBy, paragraphs } = await aboutTheStudy()
  expect(runBy).toContain('It is run by University of Somewhere to help')
  // The start page has said who runs it in its first paragraph.
  expect(paragraphs).toEqual(STUDY_PARAGRAPHS.slice(1))
})

it('gives the same details on the confirmation page, with a link to the privacy page', async () => {
  const visitor = httpClient(ls.app)
  const started = await visitor.submit('/p/P001/baseline', {})
  const token = started.location!.split('/')[2]!
  const response = (await ls.repos.responses.findByResumeToken(token))!
  await ls.repos.responses.submit(response.id, new Date().toISOString())
  const page = await visitor.get(`/r/${token}/confirmation`)
  expect(paragraphsUnder(page, 'What happens next')).toEqual([
    'University of Somewhere will combine your answers with those of your colleagues. Results are only shown for groups of at least 3 people.',
  ])
  expect(paragraphsUnder(page, 'About the study')).toEqual([...STUDY_PARAGRAPHS, 'How your answers are looked after', 'You can now close this page.'])
  expect(page.$('a:contains("How your answers are looked after")').attr('href')).toBe('/privacy?programme=test')
})

it("shows the study's details on the privacy page it links to, and general words without a programme or with an unknown one", async () => {
  const privacy = await httpClient(ls.app).get('/privacy?programme=test')
  expect(privacy.$('h2').first().text()).toBe('About this study: Test programme')
  expect(paragraphsUnder(privacy, 'About this study')).toEqual(STUDY_PARAGRAPHS)
  for (const url of ['/privacy', '/privacy?programme=nowhere', '/privacy?programme=a&programme=b']) {
    const general = await httpClient(ls.app).get(url)
    expect(general.status).toBe(200)
    expect(general.$('main').text()).toContain('Each study is run by its own organisation, which decides how answers are used and how long they are kept.')
    expect(general.$('h2:contains("About this study")').length).toBe(0)
  }
})

it("marks the study's texts with the language its staff wrote them in on a page in another, and only there", async () => {
  const admin = (await ls.repos.staffUsers.findByEmail('ada@example.org'))!
  const offersDutch = { ...DETAILS, languages: ['en-GB', 'nl'], 'intervention-nl': 'welzijn op recept' }
  await ls.services.programmes.edit({ id: admin.id, email: admin.email, role: 'admin', programmeIds: [], practiceIds: [] }, 'test', offersDutch)
  const marked = (page: Awaited<ReturnType<ReturnType<typeof httpClient>['get']>>) =>
    page
      .$('main [lang]')
      .map((_, element) => `${page.$(element).attr('lang')}: ${page.$(element).text()}`)
      .get()
  const dutch = await httpClient(ls.app).get('/p/P001/baseline?lang=nl')
  expect(dutch.$('html').attr('lang')).toBe('nl')
  expect(marked(dutch)).toEqual([
    'en-GB: English',
    'en-GB: University of Somewhere',
    'en-GB: until the end of 2028, then deleted',
    'en-GB: Approved by the <b>ethics</b> committee.',
    'en-GB: You can withdraw until the wave closes.',
    'en-GB: Dr A Shah (a.shah@example.org)',
  ])
  expect(dutch.$('p:contains("Hoe lang antwoorden worden bewaard")').text()).toBe('Hoe lang antwoorden worden bewaard: until the end of 2028, then deleted.')
  const privacy = await httpClient(ls.app).get('/privacy?programme=test&lang=nl')
  expect(marked(privacy)).toContain('en-GB: until the end of 2028, then deleted')
  const english = await httpClient(ls.app).get('/p/P001/baseline')
  expect(marked(english)).toEqual(['nl: Nederlands'])
})

it('begins a sentence with a capital when the organisation is written to read mid-sentence ("the University of …")', async () => {
  const admin = (await ls.repos.staffUsers.findByEmail('ada@example.org'))!
  const lowerCase = { ...DETAILS, organisation: 'the University of Somewhere', contact: '' }
  await ls.services.programmes.edit({ id: admin.id, email: admin.email, role: 'admin', programmeIds: [], practiceIds: [] }, 'test', lowerCase)
  const visitor = httpClient(ls.app)
  const started = await visitor.submit('/p/P001/baseline', {})
  const token = started.location!.split('/')[2]!
  await ls.repos.responses.submit((await ls.repos.responses.findByResumeToken(token))!.id, new Date().toISOString())
  const page = await visitor.get(`/r/${token}/confirmation`)
  expect(paragraphsUnder(page, 'What happens next')[0]).toMatch(/^The University of Somewhere will combine your answers/)
  expect(paragraphsUnder(page, 'About the study')[0]).toBe('The study is run by the University of Somewhere.')
})
