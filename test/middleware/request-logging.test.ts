import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../server/app.js'
import { redactPath } from '../../server/middleware/request-logging.js'
import { httpClient } from '../support/http-client.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

describe('request log paths', () => {
  it.each([
    ['/s/AbCdEfGhIjKlMnOpQrStUvWx', '/s/:token'],
    ['/r/AbCdEfGhIjKlMnOpQrStUvWx/pilot/first-page?change=1', '/r/:token/pilot/first-page'],
    ['/p/B86001/baseline', '/p/B86001/baseline'],
    ['/static/css/linkscore.css', '/static/css/linkscore.css'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactPath(url)).toBe(logged)
  })
})

describe('the request log of a running app', () => {
  const FORWARDED_FOR = '203.0.113.9'
  let ls: TestLinkscore
  let app: TestLinkscore['app']

  beforeAll(async () => {
    ls = await testLinkscore()
    await seedProgramme(ls, ['pilot'])
    // Behind a proxy, as in production, so that a forwarded client address is there to leak.
    app = createApp({ config: { ...ls.config, logRequests: true, trustProxy: 1 }, repos: ls.repos, services: ls.services, sessionSecret: 'test-secret' })
  })
  afterAll(() => ls.close())

  /** The lines morgan writes to stdout while `send` runs. */
  async function logged(send: () => Promise<unknown>, count: number): Promise<string[]> {
    const lines: string[] = []
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      return true
    })
    try {
      await send()
      await vi.waitFor(() => expect(lines).toHaveLength(count))
    } finally {
      write.mockRestore()
    }
    return lines
  }

  it('logs an invitation link without its token or the client address', async () => {
    const link = (await ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 1 }))[0]!
    const token = link.split('/')[2]!
    const [line] = await logged(() => request(app).get(`${link}?from=email`).set('X-Forwarded-For', FORWARDED_FOR), 1)
    expect(line).toMatch(/^GET \/s\/:token 200 \d+ - [\d.]+ ms$/)
    expect(line).not.toContain(token)
    expect(line).not.toContain(FORWARDED_FOR)
  })

  it('logs the survey pages without the resume token or the client address', async () => {
    const client = httpClient(app)
    let token = ''
    const log = await logged(async () => {
      const started = await client.submit('/p/P001/baseline', {})
      token = started.location!.split('/')[2]!
      await client.get(`/r/${token}/about-you`)
    }, 3)
    expect(log.map((line) => line.replace(/ \d+ - [\d.]+ ms$/, ''))).toEqual([
      'GET /p/P001/baseline 200',
      'POST /p/P001/baseline 303',
      'GET /r/:token/about-you 200',
    ])
    for (const line of log) {
      expect(line).not.toContain(token)
      expect(line).not.toMatch(/127\.0\.0\.1|::1|::ffff/)
    }
  })
})
