// The waves pages as an evaluator of the programme sees them: the list, adding, copying and changing a wave, and opening
// and closing one after a page that says what it will do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../../server/clock.js'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const NOW = '2026-03-09T09:00:00.000Z'
const clock: Clock = { now: () => new Date(NOW) }

let ls: TestLinkscore
let evaluator: HttpClient

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES, clock })
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  for (const code of ['N1', 'N2', 'N3']) await admin.addPractice({ programme: 'north', code, name: `Practice ${code}` })
  await admin.addWave({
    programme: 'north',
    slug: 'baseline',
    title: 'Baseline',
    questionnaires: ['context', 'normalisation'],
    opensOn: '2026-01-05',
    closesOn: '2026-02-27',
  })
  await admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['normalisation'], opensOn: '2026-03-02', closesOn: '2026-04-24' })
  await admin.createInvitations({ wave: 'spring', practice: 'N1', count: 10 })
  await admin.createInvitations({ wave: 'spring', practice: 'N2', count: 4 })
  await answerOnce('baseline')
  evaluator = httpClient(ls.app)
  expect((await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))).status).toBe(303)
})
afterAll(() => ls.close())

/** One response to the wave with one answer, sent. */
async function answerOnce(waveSlug: string) {
  const programme = (await ls.repos.programmes.findBySlug('north'))!
  const wave = (await ls.repos.waves.findBySlug(programme.id, waveSlug))!
  const practice = (await ls.repos.practices.findByCode('N1'))!
  const response = await ls.repos.responses.create({
    invitationId: null,
    practiceId: practice.id,
    waveId: wave.id,
    resumeToken: `token-${waveSlug}`,
    source: 'open_link',
    role: 'gp',
    setting: 'general_practice',
    at: NOW,
  })
  const questionnaire = ls.services.catalogue.get('normalisation')
  const itemId = questionnaire.sections[0]!.items[0]!.id
  await ls.repos.responses.savePage({
    responseId: response.id,
    pageKey: 'normalisation/x',
    questionnaireId: 'normalisation',
    questionnaireVersion: questionnaire.version,
    itemIds: [itemId],
    answers: [{ itemId, value: '4' }],
    complete: true,
    at: NOW,
  })
  await ls.repos.responses.submit(response.id, NOW)
}

const storedWave = async (slug: string) => ls.repos.waves.findBySlug((await ls.repos.programmes.findBySlug('north'))!.id, slug)
const text = (page: Page, selector: string) => page.$(selector).text().replace(/\s+/g, ' ').trim()
/** The add form, filled in and sent as the browser would: to the list's address. */
async function addWave(fields: Record<string, string>): Promise<Page> {
  const form = await evaluator.get('/programmes/north/waves/new')
  expect(form.$('main form').attr('action')).toBe('/programmes/north/waves')
  return evaluator.post('/programmes/north/waves', fields, form.csrf)
}
const waveLines = async () => (await auditLines(ls)).filter((line) => line.startsWith('wave'))

describe('the list', () => {
  it('shows each wave in order with its status, dates in words, questionnaires and counts, and is linked from the home page', async () => {
    const home = await evaluator.get('/staff')
    expect(home.$('a:contains("Waves of North PCN")').attr('href')).toBe('/programmes/north/waves')
    const page = await evaluator.get('/programmes/north/waves')
    expect(page.heading).toBe('Waves: North PCN')
    expect(
      page
        .$('.ls-wave h2')
        .map((_, h) => page.$(h).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual(['Baseline Draft', 'Spring Draft'])
    expect(text(page, '#wave-spring dl')).toBe(
      'Opens 2 March 2026 Closes 24 April 2026 Questionnaires 1. How social prescribing fits into your work (normalisation) Responses sent 0 Invitations 14 ' +
        'Time to answer Estimated: about 3 minutes (at 7 seconds an item, for the setting asked most)' +
        'Measured: not yet. The median needs at least 5 sent responses, not counting synthetic ones or ones set aside, and there are 0 so far',
    )
    expect(text(page, '#wave-baseline dl')).toContain('Responses sent 1 Invitations 0')
    expect(page.$('a:contains("Copy the last wave (Spring)")').attr('href')).toBe('/programmes/north/waves/new?from=spring')
    // Only a wave with invitations offers their mail-merge list.
    expect(text(page, '#wave-spring .ls-wave-invitations a:eq(2)')).toBe('E-mail invitations: Spring')
    expect(text(page, '#wave-spring .ls-wave-invitations a:eq(3)')).toBe('Download the invitations for a mail merge (CSV): Spring')
    expect(
      page
        .$('#wave-spring .ls-wave-invitations a')
        .map((_, a) => page.$(a).attr('href'))
        .get(),
    ).toEqual([
      '/programmes/north/waves/spring/fieldwork',
      '/programmes/north/waves/spring/invitations/new',
      '/programmes/north/waves/spring/email-invitations',
      '/programmes/north/waves/spring/invitations.csv',
      '/programmes/north/waves/spring/letters',
      '/programmes/north/waves/spring/posters',
    ])
    expect(
      page
        .$('#wave-baseline .ls-wave-invitations a')
        .map((_, a) => page.$(a).attr('href'))
        .get(),
    ).toEqual([
      '/programmes/north/waves/baseline/fieldwork',
      '/programmes/north/waves/baseline/invitations/new',
      '/programmes/north/waves/baseline/email-invitations',
      '/programmes/north/waves/baseline/posters',
    ])
  })

  it('offers to open only a wave that can be opened: one past its closing date says why instead', async () => {
    const page = await evaluator.get('/programmes/north/waves')
    expect(text(page, '#wave-spring p:not(.ls-wave-invitations)')).toBe('Change Spring Open this wave: Spring')
    expect(text(page, '#wave-baseline p:not(.ls-wave-invitations)')).toBe('Change Baseline Its closing date has passed: change the dates to open it again.')
    expect(page.$('#wave-baseline a[href$="/open"]').length).toBe(0)
  })
})

describe('adding a wave', () => {
  it('shows every problem of an empty form in the error summary, linked to its field', async () => {
    const page = await addWave({ slug: '', title: '', opensOn: '', closesOn: '' })
    expect(page.status).toBe(422)
    expect(page.title).toMatch(/^Error: Add a wave/)
    expect(page.errorSummary).toEqual([
      { text: 'Enter a short name for links, like six-months', href: '#slug' },
      { text: 'Enter a title', href: '#title' },
      { text: 'Choose at least one questionnaire', href: '#questionnaire-1' },
    ])
  })

  it('refuses dates that are not real or out of order, and a short name taken, with the words typed kept', async () => {
    const form = { slug: 'baseline', title: 'Again', opensOn: '2026-02-30', closesOn: '2026-01-01', 'questionnaire-1': 'context' }
    const badDate = await addWave(form)
    expect(badDate.errorSummary.map((e) => e.text)).toEqual(['Enter the opening date as a real date, like 2026-03-02'])
    expect(badDate.$('#title').val()).toBe('Again')
    const outOfOrder = await addWave({ ...form, slug: 'later', opensOn: '2026-02-01' })
    expect(outOfOrder.errorSummary).toEqual([{ text: 'The closing date must not be before the opening date', href: '#closesOn' }])
    const taken = await addWave({ ...form, opensOn: '', closesOn: '' })
    expect(taken.errorSummary).toEqual([{ text: 'Programme "north" already has a wave "baseline"', href: '#slug' }])

    const reserved = await addWave({ ...form, slug: 'all', opensOn: '', closesOn: '' })
    expect(reserved.errorSummary).toEqual([
      { text: 'The short name "all" is kept for exports of every wave: choose another, like all-practices', href: '#slug' },
    ])
  })

  it('copies the last wave: the form comes with its questionnaires in order and nothing else', async () => {
    const page = await evaluator.get('/programmes/north/waves/new?from=baseline')
    expect(page.heading).toBe('Add a wave')
    expect(page.$('#questionnaire-1').val()).toBe('context')
    expect(page.$('#questionnaire-2').val()).toBe('normalisation')
    expect(page.$('#questionnaire-3').val()).toBe('')
    expect(page.$('#slug').val()).toBeUndefined()
    expect((await evaluator.get('/programmes/north/waves/new?from=nope')).status).toBe(404)
  })

  it('adds the wave with the questionnaires in the order chosen, gaps left out, and audits it', async () => {
    const fields = {
      slug: 'six-months',
      title: 'Six months',
      opensOn: '2026-07-06',
      closesOn: '2026-08-28',
      'questionnaire-1': 'good-practice',
      'questionnaire-2': '',
      'questionnaire-3': 'context',
    }
    const added = await addWave(fields)
    expect(added.status).toBe(303)
    expect(added.location).toBe('/programmes/north/waves#wave-six-months')
    expect(await storedWave('six-months')).toMatchObject({
      title: 'Six months',
      opensOn: '2026-07-06',
      closesOn: '2026-08-28',
      status: 'draft',
      position: 3,
      questionnaireIds: ['good-practice', 'context'],
    })
    expect((await waveLines()).at(-1)).toBe(
      'wave added eva@example.org {"programme":"north","wave":"six-months","title":"Six months","opens":"6 July 2026","closes":"28 August 2026","questionnaires":["good-practice","context"],"status":"draft"}',
    )
  })
})

describe('changing a wave', () => {
  it('changes the title and dates, and audits before → after in words', async () => {
    const form = await evaluator.get('/programmes/north/waves/spring/edit')
    expect(form.heading).toBe('Change Spring')
    expect(form.$('#opensOn').val()).toBe('2026-03-02')
    const saved = await evaluator.post(
      '/programmes/north/waves/spring/edit',
      { title: 'Spring 2026', opensOn: '2026-03-02', closesOn: '2026-05-01', 'questionnaire-1': 'normalisation' },
      form.csrf,
    )
    expect(saved.location).toBe('/programmes/north/waves#wave-spring')
    expect(await storedWave('spring')).toMatchObject({ title: 'Spring 2026', closesOn: '2026-05-01', questionnaireIds: ['normalisation'] })
    expect((await waveLines()).at(-1)).toBe(
      'wave changed eva@example.org {"programme":"north","wave":"spring","changes":["Title: \\"Spring\\" → \\"Spring 2026\\"","Closes: 24 April 2026 → 1 May 2026"]}',
    )
  })

  it('shows the questionnaires of a wave with answers as fixed, and refuses a change to them with the reason', async () => {
    const form = await evaluator.get('/programmes/north/waves/baseline/edit')
    expect(form.$('select').length).toBe(0)
    expect(text(form, 'main')).toContain('The questionnaires cannot change: 1 response has answers to them.')
    const refused = await evaluator.post('/programmes/north/waves/baseline/edit', { title: 'Baseline', 'questionnaire-1': 'context' }, form.csrf)
    expect(refused.status).toBe(422)
    expect(refused.errorSummary).toEqual([
      { text: 'The questionnaires of Baseline cannot change: 1 response has answers to them already.', href: '#questionnaire-1' },
    ])
    expect((await storedWave('baseline'))!.questionnaireIds).toEqual(['context', 'normalisation'])
  })
})

describe('opening and closing', () => {
  it('says what opening does, in words, then opens the wave', async () => {
    const confirm = await evaluator.get('/programmes/north/waves/spring/open')
    expect(confirm.heading).toBe('Open Spring 2026?')
    expect(text(confirm, 'main p')).toContain(
      '3 practices, 14 invitations; respondents with the open link or an invitation can start and send answers from 2 March 2026 until the end of 1 May 2026.',
    )
    const opened = await evaluator.post('/programmes/north/waves/spring/open', {}, confirm.csrf)
    expect(opened.location).toBe('/programmes/north/waves#wave-spring')
    expect((await storedWave('spring'))!.status).toBe('open')
    expect((await waveLines()).at(-1)).toBe('wave opened eva@example.org {"programme":"north","wave":"spring","status":"draft → open"}')
    const list = await evaluator.get('/programmes/north/waves')
    expect(list.$('#wave-spring a:contains("Close this wave")').attr('href')).toBe('/programmes/north/waves/spring/close')
  })

  it('closes it after saying so', async () => {
    const confirm = await evaluator.get('/programmes/north/waves/spring/close')
    expect(text(confirm, 'main')).toContain('nobody can start a survey or send answers until the wave is opened again')
    expect((await evaluator.post('/programmes/north/waves/spring/close', {}, confirm.csrf)).status).toBe(303)
    expect((await storedWave('spring'))!.status).toBe('closed')
  })

  it('refuses to open a wave whose closing date has passed, with the reason, on the page and when posted', async () => {
    const confirm = await evaluator.get('/programmes/north/waves/baseline/open')
    const reason = 'Baseline cannot be opened: its closing date, 27 February 2026, has passed. Change the closing date first.'
    expect(text(confirm, 'main')).toContain(reason)
    expect(confirm.$('main button').length).toBe(0)
    const posted = await evaluator.post('/programmes/north/waves/baseline/open', {}, confirm.csrf)
    expect(posted.status).toBe(422)
    expect(text(posted, 'main')).toContain(reason)
    expect((await storedWave('baseline'))!.status).toBe('draft')
  })

  it('answers "Page not found" for a wave the programme does not have', async () => {
    expect((await evaluator.get('/programmes/north/waves/nope/open')).heading).toBe('Page not found')
  })
})
