import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient

beforeEach(async () => {
  ls = await testLinkscore()
  await seedProgramme(ls, ['pilot'])
  client = httpClient(ls.app)
})
afterEach(() => ls.close())

const FIRST_PAGE = { p_role_years: 'long', p_leaders: '4', p_confidence: '7' }
const SECOND_PAGE = { p_training_gp: 'nr_role', p_training_lacking: '2', p_channels: ['colleagues', 'link_worker'], p_comments: 'More time, please.' }

async function startOpenLink(c: HttpClient = client): Promise<string> {
  const start = await c.get('/p/P001/baseline')
  const started = await c.post('/p/P001/baseline', {}, start.csrf)
  expect(started.status).toBe(303)
  return started.location!.split('/')[2]!
}

function storedAnswers(responseId?: number): Promise<{ item: string; value: string }[]> {
  let query = ls.db.selectFrom('answer').select(['item_id as item', 'value'])
  if (responseId) query = query.where('response_id', '=', responseId)
  return query.orderBy('item_id').orderBy('value').execute()
}

describe('the survey pages, one by one', () => {
  it.each([
    {
      page: 'about-you',
      heading: 'What is your role?',
      valid: { role: 'gp' },
      errors: ['Select your role'],
      beside: ['Select your role'],
      next: '/pilot/first-page',
    },
    {
      page: 'pilot/first-page',
      heading: 'Your work',
      valid: FIRST_PAGE,
      errors: ['Select an answer: How long have you been in your role?', 'Select how much you agree: Leaders here make time for social prescribing.'],
      // Beside its question, a message names the problem alone.
      beside: ['Select an answer', 'Select how much you agree'],
      next: '/pilot/second-page',
    },
    { page: 'pilot/second-page', heading: 'Training', valid: SECOND_PAGE, errors: [], beside: [], next: '/check-answers' },
  ])('$page: heading, error summary on an empty submit, 303 after a valid one', async ({ page, heading, valid, errors, beside, next }) => {
    const token = await startOpenLink()
    if (page !== 'about-you') await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    if (page === 'pilot/second-page') await client.submit(`/r/${token}/pilot/first-page`, FIRST_PAGE)
    const url = `/r/${token}/${page}`

    const shown = await client.get(url)
    expect(shown.status).toBe(200)
    expect(shown.heading).toBe(heading)

    const empty = await client.post(url, {}, shown.csrf)
    if (errors.length) {
      expect(empty.status).toBe(422)
      expect(empty.title).toMatch(/^Error: /)
      expect(empty.errorSummary.map((e) => e.text)).toEqual(errors)
      for (const e of empty.errorSummary) expect(empty.$(e.href).length, `${e.href} exists`).toBe(1)
      const shownBeside = empty.$('.nhsuk-error-message').map((_, m) => empty.$(m).clone().children('.nhsuk-u-visually-hidden').remove().end().text().trim())
      expect(shownBeside.get()).toEqual(beside)
    } else {
      expect(empty.status).toBe(303)
    }

    const saved = await client.post(url, valid, shown.csrf)
    expect(saved.status).toBe(303)
    expect(saved.location).toBe(`/r/${token}${next}`)
  })

  it('keeps the other answers when the page is shown again with errors', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    const page = await client.submit(`/r/${token}/pilot/first-page`, { p_leaders: '5', p_confidence: '3' })
    expect(page.status).toBe(422)
    expect(page.errorSummary.map((e) => e.href)).toEqual(['#p_role_years'])
    expect(page.$('input[name=p_leaders][value=5]').attr('checked')).toBeDefined()
    expect(page.$('input[name=p_confidence][value=3]').attr('checked')).toBeDefined()
    expect(await storedAnswers()).toEqual([])
  })

  it('refuses a text answer over its maximum length, keeping what was typed', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    await client.submit(`/r/${token}/pilot/first-page`, FIRST_PAGE)
    const long = 'x'.repeat(41)
    const page = await client.submit(`/r/${token}/pilot/second-page`, { ...SECOND_PAGE, p_comments: long })
    expect(page.status).toBe(422)
    expect(page.errorSummary.map((e) => e.text)).toEqual(['Your answer must be 40 characters or fewer (it has 41): Anything else about social prescribing?'])
    expect(page.$('textarea[name=p_comments]').text()).toBe(long)
  })

  it('shows the questions of the chosen setting only', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'link_worker' })
    await client.submit(`/r/${token}/pilot/first-page`, FIRST_PAGE)
    const page = await client.get(`/r/${token}/pilot/second-page`)
    expect(
      page
        .$('fieldset legend')
        .map((_, l) => page.$(l).text().trim())
        .get(),
    ).toEqual([
      'I get regular supervision.',
      'Training on social prescribing is missing here.',
      'How do you hear about local services?',
      'Anything else about social prescribing?',
    ])
  })

  it('sets "not relevant" choices apart after an "or" divider', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    const page = await client.get(`/r/${token}/pilot/first-page`)
    const group = page.$('#p_leaders').closest('.nhsuk-radios')
    expect(
      group
        .children()
        .map((_, el) => page.$(el).text().trim())
        .get(),
    ).toEqual([
      'Strongly disagree',
      'Disagree',
      'Neither agree nor disagree',
      'Agree',
      'Strongly agree',
      'or',
      'Not relevant to my role',
      'Not relevant at this stage',
    ])
    expect(page.$('fieldset').length).toBe(3)
  })
})

describe('a whole survey', () => {
  it('checks answers, submits, confirms, and refuses any change afterwards with a 409', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    await client.submit(`/r/${token}/pilot/first-page`, FIRST_PAGE)
    const last = await client.submit(`/r/${token}/pilot/second-page`, SECOND_PAGE)
    expect(last.location).toBe(`/r/${token}/check-answers`)

    const check = await client.get(`/r/${token}/check-answers`)
    expect(check.heading).toBe('Check your answers before sending them')
    const rows = check
      .$('.nhsuk-summary-list__row')
      .map((_, r) => `${check.$(r).find('dt').text().trim()} = ${check.$(r).find('.nhsuk-summary-list__value').text().trim()}`)
      .get()
    expect(rows).toEqual([
      'Your role = GP',
      'How long have you been in your role? = A year or more',
      'Leaders here make time for social prescribing. = Agree',
      'How confident are you about social prescribing? = 7',
      'I have had training in how to refer. = Not relevant to my role',
      'Training on social prescribing is missing here. = Disagree',
      'How do you hear about local services? = From colleaguesFrom the link worker',
      'Anything else about social prescribing? = More time, please.',
    ])
    // Each section says how much of it was answered beside its change link, its answers folded away until asked for.
    expect(
      check
        .$('.ls-check-section')
        .map((_, section) => check.$(section).find('.ls-check-summary').text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual(['You answered 3 of 3 questions. Change your answers to Your work', 'You answered 4 of 4 questions. Change your answers to Training'])
    expect(check.$('.ls-check-section details:not([open]) .nhsuk-summary-list').length).toBe(2)
    expect(check.$('a[href$="/pilot/first-page?change=1"]').length).toBe(1)
    expect(check.$('a[href$="/pilot/second-page?change=1"]').length).toBe(1)

    const sent = await client.post(`/r/${token}/check-answers`, {}, check.csrf)
    expect(sent.status).toBe(303)
    expect(sent.location).toBe(`/r/${token}/confirmation`)
    const confirmation = await client.get(sent.location!)
    expect(confirmation.heading).toBe('Thank you: your answers have been sent')

    const again = await client.post(`/r/${token}/check-answers`, {}, check.csrf)
    expect(again.status).toBe(409)
    expect(again.heading).toBe('You have already submitted this survey')
    const change = await client.post(`/r/${token}/pilot/first-page`, { ...FIRST_PAGE, p_leaders: '1' }, check.csrf)
    expect(change.status).toBe(409)
    expect((await client.get(`/r/${token}/pilot/first-page`)).status).toBe(409)
    expect((await storedAnswers()).find((a) => a.item === 'p_leaders')).toEqual({ item: 'p_leaders', value: '4' })
  })

  it('goes back to check answers after a change link', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    await client.submit(`/r/${token}/pilot/first-page`, FIRST_PAGE)
    await client.submit(`/r/${token}/pilot/second-page`, SECOND_PAGE)
    const changed = await client.submit(`/r/${token}/pilot/first-page?change=1`, { ...FIRST_PAGE, p_leaders: '2' })
    expect(changed.location).toBe(`/r/${token}/check-answers`)
  })

  it('sends a person who skips ahead to check answers back to the first unsaved page', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    const check = await client.get(`/r/${token}/check-answers`)
    expect(check.status).toBe(303)
    expect(check.location).toBe(`/r/${token}/pilot/first-page`)
  })
})

describe('stopping and coming back', () => {
  it('resumes from a second session where the person stopped, with earlier answers kept', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    await client.submit(`/r/${token}/pilot/first-page`, FIRST_PAGE)
    const later = await client.submit(`/r/${token}/pilot/second-page`, { p_training_lacking: '3', action: 'save-later' })
    expect(later.location).toBe(`/r/${token}/saved`)
    const saved = await client.get(later.location!)
    expect(saved.$('#resume-link').attr('href')).toBe(`${ls.config.baseUrl}/r/${token}`)

    const otherBrowser = httpClient(ls.app)
    const resumed = await otherBrowser.follow(`/r/${token}`)
    expect(resumed.url).toBe(`/r/${token}/pilot/second-page`)
    expect(resumed.$('input[name=p_training_lacking][value=3]').attr('checked')).toBeDefined()
    const first = await otherBrowser.get(`/r/${token}/pilot/first-page`)
    expect(first.$('input[name=p_leaders][value=4]').attr('checked')).toBeDefined()
    expect(first.$('input[name=p_role_years][value=long]').attr('checked')).toBeDefined()
  })

  it('saves for later a page whose required questions are not answered yet, keeping what was answered', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    const later = await client.submit(`/r/${token}/pilot/first-page`, { p_confidence: '6', action: 'save-later' })
    expect(later.status).toBe(303)
    expect(later.location).toBe(`/r/${token}/saved`)
    expect(await storedAnswers()).toEqual([{ item: 'p_confidence', value: '6' }])
    const again = await client.submit(`/r/${token}/pilot/first-page`, { p_confidence: '6', action: 'continue' })
    expect(again.errorSummary.map((e) => e.href)).toEqual(['#p_role_years', '#p_leaders'])
  })

  it('offers to continue on the open link from the same browser, through a cookie', async () => {
    const token = await startOpenLink()
    const again = await client.get('/p/P001/baseline')
    expect(again.$('a:contains("continue your survey")').attr('href')).toBe(`/r/${token}`)
    expect((await httpClient(ls.app).get('/p/P001/baseline')).$('a:contains("continue your survey")').length).toBe(0)
  })

  it('skips "About you" when the invitation presets a role, and opens the same response from the invitation link', async () => {
    const [path] = await ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 1, role: 'link_worker' })
    const start = await client.get(path!)
    expect(start.heading).toBe('Baseline survey')
    const started = await client.post(path!, {}, start.csrf)
    const first = await client.follow(started.location!)
    expect(first.heading).toBe('Your work')
    expect((await client.get(`${started.location}/about-you`)).status).toBe(404)
    const reopened = await httpClient(ls.app).get(path!)
    expect(reopened.status).toBe(303)
    expect(reopened.location).toBe(started.location)
    const { n } = await ls.db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(n)).toBe(1)
  })

  it('removes answers the new setting does not see when the role changes', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    await client.submit(`/r/${token}/pilot/first-page`, FIRST_PAGE)
    await client.submit(`/r/${token}/pilot/second-page`, SECOND_PAGE)
    await client.submit(`/r/${token}/about-you?change=1`, { role: 'steering_member', setting: 'link_worker' })
    const items = (await storedAnswers()).map((a) => a.item)
    expect(items).not.toContain('p_training_gp')
    expect(items).toContain('p_leaders')
    const next = await client.follow(`/r/${token}`)
    expect(next.url).toBe(`/r/${token}/pilot/second-page`)
  })
})

describe('refusing what a page could not have sent', () => {
  it.each([
    { name: 'an option not in the definition', fields: { ...FIRST_PAGE, p_leaders: '6' } },
    { name: 'a "not relevant" code the item does not offer', fields: { ...FIRST_PAGE, p_confidence: 'nr_role' } },
    { name: 'an item id not on the page', fields: { ...FIRST_PAGE, p_training_lacking: '3' } },
    { name: 'two answers to a one-answer item', fields: { ...FIRST_PAGE, p_leaders: ['4', '5'] } },
    { name: 'an unknown action', fields: { ...FIRST_PAGE, action: 'delete' } },
  ])('$name: a plain 400 page, nothing stored', async ({ fields }) => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    const page = await client.submit(`/r/${token}/pilot/first-page`, fields)
    expect(page.status).toBe(400)
    expect(page.heading).toBe('Sorry, there is a problem with that request')
    expect(await storedAnswers()).toEqual([])
  })

  it('refuses an unknown role with a 400 and stores nothing', async () => {
    const token = await startOpenLink()
    const page = await client.submit(`/r/${token}/about-you`, { role: 'surgeon' })
    expect(page.status).toBe(400)
    expect((await ls.repos.responses.findByResumeToken(token))!.role).toBeNull()
  })

  it.each(['/s/not-a-real-token-at-all-0000', '/r/not-a-real-token-at-all-0000', '/p/NOPE/baseline', '/p/P001/nope'])(
    '%s: a friendly 404 page',
    async (url) => {
      const page = await client.get(url)
      expect(page.status).toBe(404)
      expect(page.$('main p').text()).toMatch(/link/)
    },
  )

  it('rejects a POST without a valid CSRF token, storing nothing', async () => {
    const token = await startOpenLink()
    await client.submit(`/r/${token}/about-you`, { role: 'gp' })
    const forged = await client.post(`/r/${token}/pilot/first-page`, FIRST_PAGE, 'forged-token')
    expect(forged.status).toBe(403)
    expect(forged.heading).toBe('This form has expired')
    const missing = await client.post(`/r/${token}/pilot/first-page`, FIRST_PAGE)
    expect(missing.status).toBe(403)
    expect(await storedAnswers()).toEqual([])
  })
})

describe('a closed wave', () => {
  it('shows a friendly page to new and returning respondents', async () => {
    const token = await startOpenLink()
    await ls.services.admin.setWaveStatus('test', 'baseline', 'closed')
    for (const url of ['/p/P001/baseline', `/r/${token}`, `/r/${token}/about-you`]) {
      const page = await client.get(url)
      expect(page.status, url).toBe(410)
      expect(page.heading).toBe('This survey is closed')
    }
  })
})
