import { afterEach, beforeEach, expect, it } from 'vitest'
import * as cheerio from 'cheerio'
import request from 'supertest'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

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
