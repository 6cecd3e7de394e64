// The e-mail invitations page over HTTP with a real SMTP server: every mistake named (by its line, for an address),
// nothing made or sent on a mistake, an uploaded file, a refused address counted as not sent, the addresses deleted on
// demand; and, with no SMTP server configured, a page that says so and offers nothing to send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { englishLeft } from '../../support/english-left.js'
import { addressCountsRow as countsRow } from '../../support/address-counts.js'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const PAGE = '/programmes/north/waves/spring/email-invitations'

async function seed(ls: TestLinkscore): Promise<HttpClient> {
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await ls.services.admin.addProgramme({ slug: 'south', name: 'South PCN' })
  await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'Alder Surgery' })
  await ls.services.admin.addPractice({ programme: 'south', code: 'S1', name: 'Southern Surgery' })
  await ls.services.admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['pilot'], open: true })
  await ls.services.admin.addWave({ programme: 'north', slug: 'autumn', title: 'Autumn', questionnaires: ['pilot'] })
  const evaluator = httpClient(ls.app)
  await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))
  return evaluator
}

describe('with an SMTP server', () => {
  let ls: TestLinkscore
  let smtp: TestSmtpServer
  let evaluator: HttpClient
  beforeAll(async () => {
    smtp = await startSmtpServer()
    ls = await testLinkscore({ config: { smtp: smtp.settings } })
    evaluator = await seed(ls)
  })
  afterAll(async () => {
    await ls.close()
    await smtp.stop()
  })
  const send = async (fields: Record<string, string>, file?: { name: string; content: string }) =>
    evaluator.upload(PAGE, (await evaluator.get(PAGE)).csrf, file, { practice: '', addresses: '', role: '', ...fields })
  const invitationCount = async () => (await ls.repos.invitations.listByWave(1)).length

  it('says what is done with the addresses, and offers the forms', async () => {
    const page = await evaluator.get(PAGE)
    expect(page.heading).toBe('E-mail invitations: Spring')
    expect(page.$('#address-privacy').text()).toBe(
      'The addresses are kept in a list of their own, only to know whom to remind. They are never joined to answers: no page, export or report shows an address beside an answer, and this page shows the list only as counts. They are deleted when the wave closes, or now with the button at the end of this page.',
    )
    expect(page.$('main').text()).toContain('No address is held for this wave.')
    expect(page.$('#send-form #addresses, #send-form #file, #remind-form #days').length).toBe(3)
    expect(page.$('#days').val()).toBe('7')
  })

  it.each([
    [{ practice: '', addresses: '' }, ['Choose the practice to invite', 'Enter the e-mail addresses to invite, or upload a file of them']],
    [{ practice: 'N1', addresses: 'ann@alder.example.org\nben@alder.example.org\n\nbob@\ncarol' }, ["Line 4: 'bob@' is not an e-mail address"]],
    [
      { practice: 'N1', addresses: 'ann@alder.example.org, ben@alder.example.org\nAnn@Alder.example.org' },
      ["Line 2: 'Ann@Alder.example.org' is on line 1 already"],
    ],
    [{ practice: 'S1', addresses: 'ann@alder.example.org' }, ['Choose a practice of this programme']],
    [{ practice: 'N1', addresses: 'ann@alder.example.org', role: 'astronaut' }, ['Choose a role from the list']],
  ])('names each mistake in %j, keeps what was typed, and makes and sends nothing', async (fields, messages) => {
    const page = await send(fields)
    expect(page.status).toBe(422)
    expect(page.title).toMatch(/^Error: /)
    expect(page.errorSummary.map((e) => e.text)).toEqual(messages)
    expect(page.$('#addresses').text()).toBe(fields.addresses)
    expect(await invitationCount()).toBe(0)
    expect(smtp.received).toEqual([])
  })

  it('refuses a file that is not .txt or .csv, and names the number of days when it is not 1 to 90', async () => {
    const upload = await send({ practice: 'N1' }, { name: 'addresses.pdf', content: 'ann@alder.example.org' })
    expect([upload.status, upload.errorSummary]).toEqual([422, [{ text: 'Upload a .txt or .csv file of addresses', href: '#file' }]])
    for (const days of ['', 'soon', '0', '91', '2.5']) {
      const page = await evaluator.post(`${PAGE}/remind`, { days }, (await evaluator.get(PAGE)).csrf)
      expect([page.status, page.errorSummary], days).toEqual([422, [{ text: 'Enter the number of days as a whole number from 1 to 90', href: '#days' }]])
      expect(page.$('#days').val() ?? '').toBe(days)
    }
  })

  it('reads an uploaded file, presets the role chosen, and counts an address the mail server refuses as not sent', async () => {
    smtp.refuse.add('gone@alder.example.org')
    const file = { name: 'Staff list.CSV', content: 'ann@alder.example.org\r\nben@alder.example.org,gone@alder.example.org\r\n' }
    const sent = await send({ practice: 'N1', addresses: 'ignored@alder.example.org', role: 'link_worker' }, file)
    expect([sent.status, sent.location]).toEqual([303, `${PAGE}?sent=2&bounced=1`])
    expect(smtp.received.map((m) => m.to).sort()).toEqual(['ann@alder.example.org', 'ben@alder.example.org'])
    expect((await ls.repos.invitations.listByWave(1)).map((i) => i.presetRole)).toEqual(['link_worker', 'link_worker', 'link_worker'])
    const page = await evaluator.get(sent.location!)
    expect(
      page
        .$('[role=status] p')
        .map((_, p) => page.$(p).text())
        .get(),
    ).toEqual(['2 invitations sent.', '1 could not be sent: the mail server refused it.'])
    expect(countsRow(page)).toEqual(['3', '2', '1', '0', '0', '0'])
  })

  it('refuses an address the wave has sent an invitation to already', async () => {
    const page = await send({ practice: 'N1', addresses: 'new@alder.example.org\nBEN@alder.example.org' })
    expect(page.errorSummary.map((e) => e.text)).toEqual(["Line 2: 'ben@alder.example.org' has been sent an invitation for this wave already"])
    expect(await invitationCount()).toBe(3)
  })

  it('offers nothing to send for a wave not taking responses, and refuses a post to it', async () => {
    const page = await evaluator.get('/programmes/north/waves/autumn/email-invitations')
    expect(page.$('#wave-not-taking p').text()).toBe('Autumn is not taking responses, so no invitations or reminders can be sent.')
    expect(page.$('#send-form, #remind-form').length).toBe(0)
    const posted = await evaluator.upload('/programmes/north/waves/autumn/email-invitations', page.csrf, undefined, {
      practice: 'N1',
      addresses: 'x@alder.example.org',
    })
    expect([posted.status, posted.errorSummary.map((e) => e.text)]).toEqual([
      422,
      ['Autumn is not taking responses: open it before sending invitations or reminders'],
    ])
  })

  it('shows the page with its counts and what was sent in Dutch, with no English left', async () => {
    const dutch = httpClient(ls.app)
    await signIn(dutch, 'nel@example.org', await addStaff(ls, 'nel@example.org', 'evaluator', { programmes: ['north'] }))
    await dutch.get('/language?to=nl&next=%2F')
    const path = `${PAGE}?sent=2&bounced=1&reminded=0`
    const [en, nl] = [await evaluator.get(path), await dutch.get(path)]
    expect(nl.$('#address-counts').length).toBe(1)
    expect(nl.$('[role=status] p').first().text()).toBe('2 uitnodigingen verstuurd.')
    const data = new Set(['Alder Surgery', '(N1)', 'Alder Surgery (N1)', 'Spring', 'North PCN', 'eva@example.org', 'nel@example.org', 'Linkscore'])
    expect(
      englishLeft(nl.$.html(), { sameAsEnglishPage: en.$.html().replace('eva@example.org', 'nel@example.org'), allowed: (text) => data.has(text) }),
    ).toEqual([])
  })

  it('deletes the addresses on demand, audited as a count; the invitation then no longer says it was e-mailed', async () => {
    const token = (await ls.repos.invitations.listByWave(1))[0]!.token
    expect((await httpClient(ls.app).get(`/s/${token}`)).$('main').text()).toContain('This invitation was e-mailed to you')
    const page = await evaluator.get(PAGE)
    const deleted = await evaluator.post(`${PAGE}/delete`, {}, page.csrf)
    expect([deleted.status, deleted.location]).toEqual([303, `${PAGE}?deleted=3`])
    expect((await evaluator.get(deleted.location!)).$('[role=status]').text().trim()).toBe('3 addresses deleted.')
    expect((await auditLines(ls)).at(-1)).toBe('addresses deleted eva@example.org {"programme":"north","wave":"spring","deleted":3}')
    expect((await evaluator.get(PAGE)).$('main').text()).toContain('No address is held for this wave.')
    const start = await httpClient(ls.app).get(`/s/${token}`)
    expect(start.$('main').text()).not.toContain('e-mailed')
    expect(start.$('main').text()).toContain('Linkscore does not store your name, e-mail address or IP address.')
  })

  it('words its mistakes in Dutch for a Dutch reader', async () => {
    const dutch = httpClient(ls.app)
    await signIn(dutch, 'ed@example.org', await addStaff(ls, 'ed@example.org', 'evaluator', { programmes: ['north'] }))
    await dutch.get('/language?to=nl&next=%2F')
    const page = await dutch.upload(PAGE, (await dutch.get(PAGE)).csrf, undefined, { practice: 'N1', addresses: 'a@x.org\nbob@', role: '' })
    expect(page.errorSummary.map((e) => e.text)).toEqual(["Regel 2: 'bob@' is geen e-mailadres"])
  })
})

describe('without an SMTP server', () => {
  let ls: TestLinkscore
  let evaluator: HttpClient
  beforeAll(async () => {
    ls = await testLinkscore()
    evaluator = await seed(ls)
  })
  afterAll(() => ls.close())

  it('says plainly that e-mail is not set up, offers nothing to send, and refuses a post with 409, not 500', async () => {
    const page = await evaluator.get(PAGE)
    expect(page.status).toBe(200)
    expect(page.$('#smtp-not-configured h2').text()).toBe('E-mail is not set up')
    expect(page.$('#smtp-not-configured p').text()).toContain(
      'no SMTP server is configured. An administrator can set LINKSCORE_SMTP_URL and LINKSCORE_MAIL_FROM',
    )
    expect(page.$('#send-form, #remind-form').length).toBe(0)
    const posted = await evaluator.upload(PAGE, page.csrf, undefined, { practice: 'N1', addresses: 'ann@alder.example.org' })
    expect([posted.status, posted.heading]).toEqual([409, 'E-mail is not set up'])
    expect(await ls.repos.invitations.listByWave(1)).toEqual([])
  })
})
