// What the start page tells a respondent about who runs the study, how to ask about it, and its privacy and ethics
// text, from the programme's details, with sensible words when they are not given.
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

const aboutTheStudy = async () => {
  const page = await httpClient(ls.app).get('/p/P001/baseline')
  const section = page.$('h2:contains("About the study")').nextUntil('h2')
  return { runBy: page.$('main p').first().text().replace(/\s+/g, ' '), paragraphs: section.map((_, p) => page.$(p).text().trim()).get() }
}

it('says the programme runs the study and to ask whoever sent the link, when nothing more is given', async () => {
  const { runBy, paragraphs } = await aboutTheStudy()
  expect(runBy).toContain('It is run by Test programme to help')
  expect(paragraphs).toEqual(['If you have a question about the study, ask the person who sent you the link.'])
})

it('shows the organisation, the contact and each line of the privacy and ethics text, as text', async () => {
  const admin = (await ls.repos.staffUsers.findByEmail('ada@example.org'))!
  await ls.services.programmes.edit({ id: admin.id, email: admin.email, role: 'admin', programmeIds: [], practiceIds: [] }, 'test', {
    name: 'Test programme',
    intervention: 'social prescribing',
    minPracticeN: '3',
    minBreakdownN: '5',
    organisation: 'University of Somewhere',
    contact: 'Dr A Shah (a.shah@example.org)',
    studyInformation: 'Approved by the <b>ethics</b> committee, ref 26/NW/0001.\n\nAnswers are kept for five years.',
  })
  const { runBy, paragraphs } = await aboutTheStudy()
  expect(runBy).toContain('It is run by University of Somewhere to help')
  expect(paragraphs).toEqual([
    'Approved by the <b>ethics</b> committee, ref 26/NW/0001.',
    'Answers are kept for five years.',
    'If you have a question about the study, contact Dr A Shah (a.shah@example.org).',
  ])
})

it('names the organisation and the contact on the confirmation page too', async () => {
  const visitor = httpClient(ls.app)
  const started = await visitor.submit('/p/P001/baseline', {})
  const token = started.location!.split('/')[2]!
  const response = (await ls.repos.responses.findByResumeToken(token))!
  await ls.repos.responses.submit(response.id, new Date().toISOString())
  const page = await visitor.get(`/r/${token}/confirmation`)
  expect(
    page
      .$('main p')
      .map((_, p) => page.$(p).text().trim())
      .get(),
  ).toEqual([
    'University of Somewhere will combine your answers with those of your colleagues. Results are only shown for groups of at least 3 people.',
    'If you have a question about the study, contact Dr A Shah (a.shah@example.org).',
    'You can now close this page.',
  ])
})
