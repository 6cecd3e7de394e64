// /code: the short code of a letter read on paper leads to its invitation, every mistake is named, and guessing is limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpClient } from '../../support/http-client.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let code = ''
let token = ''

/** A study with one invitation: its token and short code. */
async function withInvitation(): Promise<{ ls: TestLinkscore; token: string; code: string }> {
  const ls = await testLinkscore()
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'Alder Surgery' })
  await ls.services.admin.addWave({ programme: 'north', slug: 'baseline', title: 'Baseline', questionnaires: ['pilot'], open: true })
  const [path] = await ls.services.admin.createInvitations({ wave: 'baseline', practice: 'N1', count: 1 })
  const token = path!.split('/')[2]!
  return { ls, token, code: (await ls.repos.invitations.findByToken(token))!.shortCode! }
}

// Fewer than 20 wrong codes in all, so that the limit is tested on a study of its own.
beforeAll(async () => {
  ;({ ls, token, code } = await withInvitation())
})
afterAll(() => ls.close())

const visitor = () => httpClient(ls.app)

describe('typing the code from a letter', () => {
  it('leads to the invitation, however the code is typed', async () => {
    for (const typed of [code, code.toLowerCase(), `${code.slice(0, 4)}-${code.slice(4)}`, ` ${code.slice(0, 4)} ${code.slice(4).toLowerCase()} `]) {
      const sent = await visitor().submit('/code', { code: typed })
      expect({ typed, status: sent.status, location: sent.location }).toEqual({ typed, status: 303, location: `/s/${token}` })
    }
  })

  it.each([
    ['', 'Enter the code from your letter'],
    ['KDPW RMT', 'The code has 8 letters: you typed 7'],
    ['KDPW-RMTO', 'The code has letters only, and never I or O: check it against your letter'],
  ])('names what is wrong with %j, and keeps what was typed', async (typed, message) => {
    const page = await visitor().submit('/code', { code: typed })
    expect(page.status).toBe(422)
    expect(page.errorSummary).toEqual([{ text: message, href: '#code' }])
    expect(page.$('#code-error').text()).toContain(message)
    expect(page.$('#code').val() ?? '').toBe(typed)
  })

  it("says so of a code that is no invitation's", async () => {
    const unknown = code === 'KDPWRMTA' ? 'KDPWRMTB' : 'KDPWRMTA'
    const page = await visitor().submit('/code', { code: unknown })
    expect([page.status, page.errorSummary[0]?.text]).toEqual([422, 'No invitation has this code: check it against your letter, or use the link in it'])
  })

  it('speaks Dutch to a Dutch browser', async () => {
    const client = visitor()
    const form = await client.follow('/language?to=nl&next=%2Fcode')
    expect([form.$('html').attr('lang'), form.heading]).toEqual(['nl', 'Vul de code uit uw brief in'])
    const page = await client.submit('/code', { code: 'ABC' })
    expect(page.errorSummary[0]?.text).toBe('De code heeft 8 letters: u typte er 3')
  })

  it('refuses a 21st wrong code from one address in 10 minutes, while a right one never counts', async () => {
    const study = await withInvitation()
    try {
      const guesser = httpClient(study.ls.app)
      for (let n = 0; n < 5; n++) expect((await guesser.submit('/code', { code: study.code })).status).toBe(303)
      for (let n = 0; n < 20; n++) expect((await guesser.submit('/code', { code: 'ZZZZZZZZ' })).status).toBe(422)
      const limited = await guesser.submit('/code', { code: study.code })
      expect(limited.status).toBe(429)
      expect(limited.heading).toBe('Too many codes tried')
      expect(limited.$('main').text()).toContain('Wait 10 minutes and try again, or use the link in your letter.')
    } finally {
      await study.ls.close()
    }
  })
})
