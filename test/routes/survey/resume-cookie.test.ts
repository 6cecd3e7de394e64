import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as cheerio from 'cheerio'
import request from 'supertest'
import { httpClient } from '../../support/http-client.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
beforeEach(async () => {
  ls = await testLinkscore()
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
})
afterEach(() => ls.close())

async function resumeCookie(waveSlug: string): Promise<string> {
  const agent = request.agent(ls.app)
  const start = await agent.get(`/p/N1/${waveSlug}`)
  const csrf = cheerio.load(start.text)('input[name=_csrf]').attr('value')!
  const res = await agent.post(`/p/N1/${waveSlug}`).type('form').send({ _csrf: csrf })
  expect(res.status).toBe(303)
  return [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith(`ls_resume_N1_${waveSlug}=`))!
}

it('keeps the open-link resume cookie until the wave closes, not for months', async () => {
  await ls.services.admin.addWave({ programme: 'north', slug: 'baseline', title: 'Baseline', questionnaires: ['pilot'], open: true, closesOn: '2027-01-31' })
  const cookie = await resumeCookie('baseline')
  expect(cookie).toContain('Expires=Mon, 01 Feb 2027 00:00:00 GMT')
  expect(cookie).not.toContain('Max-Age')
})

it('keeps it for the browser session only when the wave has no closing date', async () => {
  await ls.services.admin.addWave({ programme: 'north', slug: 'open-ended', title: 'Open ended', questionnaires: ['pilot'], open: true })
  const cookie = await resumeCookie('open-ended')
  expect(cookie).toMatch(/^ls_resume_N1_open-ended=[^;]+; Path=\/p\/N1\/open-ended; HttpOnly; SameSite=Lax$/)
})

describe('the open link on a shared computer', () => {
  it('says an unfinished survey here may be someone else’s, and starts a new one that shows none of its answers', async () => {
    await ls.close()
    ls = await testLinkscore({ clock: { now: () => new Date('2026-12-02T23:30:00Z') } })
    await seedProgramme(ls, ['pilot'])
    const browser = httpClient(ls.app)
    const first = (await browser.submit('/p/P001/baseline', {})).location!
    await browser.submit(`${first}/about-you`, { role: 'gp' })
    await browser.submit(`${first}/pilot/first-page`, { p_role_years: 'long', p_leaders: '4', p_confidence: '7' })

    const again = await browser.get('/p/P001/baseline')
    const inset = again
      .$('.nhsuk-inset-text p')
      .map((_, p) => again.$(p).text().trim())
      .get()
    // The date is London's: in winter that is UTC, so 23:30 UTC is still 2 December.
    expect(inset).toEqual([
      'Someone started this survey in this browser on 2 December 2026 and has not sent it yet.',
      'If that was you, continue your survey.',
      'If it was not you, start a new survey instead. You will not see their answers.',
    ])
    expect(again.$('.nhsuk-inset-text a').attr('href')).toBe(first)
    expect(again.$('form button').text().trim()).toBe('Start a new survey instead')

    const second = (await browser.post('/p/P001/baseline', {}, again.csrf)).location!
    expect(second).not.toBe(first)
    await browser.submit(`${second}/about-you`, { role: 'gp' })
    const page = await browser.get(`${second}/pilot/first-page`)
    expect(page.$('input:checked').length).toBe(0)
  })
})
