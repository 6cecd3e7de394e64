// The waves page's time to answer: the model's estimate beside the median people really took, once enough have sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { addStaff, signIn } from '../../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, 0) + minutes * 60_000).toISOString()

let ls: TestLinkscore
let evaluator: HttpClient
let n = 0

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addPractice({ programme: 'north', code: 'N1', name: 'Practice N1' })
  await admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['context', 'normalisation', 'good-practice'], open: true })
  evaluator = httpClient(ls.app)
  expect((await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))).status).toBe(303)
})
afterAll(() => ls.close())

/** A response to the spring wave, sent this many minutes after it was started. */
async function sentAfter(minutes: number, source: 'open_link' | 'synthetic' = 'open_link') {
  const programme = (await ls.repos.programmes.findBySlug('north'))!
  const wave = (await ls.repos.waves.findBySlug(programme.id, 'spring'))!
  const practice = (await ls.repos.practices.findByCode('N1'))!
  const start = 60 * n
  const response = await ls.repos.responses.create({
    invitationId: null,
    practiceId: practice.id,
    waveId: wave.id,
    resumeToken: `wave-times-${n++}`.padEnd(24, 'x'),
    source,
    role: 'gp',
    setting: 'general_practice',
    at: at(start),
  })
  await ls.repos.responses.submit(response.id, at(start + minutes))
}

const timeToAnswer = async () => {
  const page = await evaluator.get('/programmes/north/waves')
  const row = page.$('#wave-spring .nhsuk-summary-list__row').last()
  return [
    row.find('dt').text().trim(),
    ...row
      .find('dd')
      .html()!
      .split('<br>')
      .map((line) => line.trim()),
  ]
}

describe('the time to answer on the waves page', () => {
  it('gives the estimate, and says the median waits for five responses from people, synthetic ones not counted', async () => {
    for (const minutes of [6, 7.5, 9, 12]) await sentAfter(minutes)
    await sentAfter(1, 'synthetic')
    expect(await timeToAnswer()).toEqual([
      'Time to answer',
      'Estimated: about 7 minutes (at 7 seconds an item, for the setting asked most)',
      'Measured: not yet. The median needs at least 5 sent responses, not counting synthetic ones or ones set aside, and there are 4 so far',
    ])
  })

  it('gives the median from the fifth response on, in words and in Dutch', async () => {
    await sentAfter(30)
    expect((await timeToAnswer())[2]).toBe(
      'Measured: 9.0 minutes, the median from starting to sending of 5 sent responses (synthetic ones and ones set aside left out)',
    )
    await sentAfter(8)
    expect((await timeToAnswer())[2]).toBe(
      'Measured: 8.5 minutes, the median from starting to sending of 6 sent responses (synthetic ones and ones set aside left out)',
    )
    expect((await evaluator.get('/language?to=nl&next=%2Fprogrammes%2Fnorth%2Fwaves')).location).toBe('/programmes/north/waves')
    expect(await timeToAnswer()).toEqual([
      'Tijd om te antwoorden',
      'Geschat: ongeveer 7 minuten (bij 7 seconden per vraag, voor de setting met de meeste vragen)',
      'Gemeten: 8,5 minuten, de mediaan van begin tot versturen over 6 verstuurde responsen (zonder synthetische en buiten beschouwing gelaten responsen)',
    ])
  })
})
