// Two Linkscore processes on one PostgreSQL database behave as one service: a respondent moves between them page by
// page, a response sent through one is in the other's next scores (each keeps scores it computed), a sign-in wait
// brought on through one holds in the other, and both can start at once on a new database.
import { parse } from 'csv-parse/sync'
import { spawn, type ChildProcess } from 'node:child_process'
import * as cheerio from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot } from '../../server/boot.js'
import { createTestSchema, postgresTestUrl } from '../support/postgres.js'
import { runCli } from '../support/run-cli.js'
import { FIXTURE_QUESTIONNAIRES, seedProgramme, TEST_DATABASE } from '../support/test-linkscore.js'
import { freePort } from '../support/free-port.js'

const FIRST_PAGE = { p_role_years: 'long', p_leaders: '4', p_confidence: '7' }
const SECOND_PAGE = { p_training_gp: 'nr_role', p_training_lacking: '2', p_channels: ['colleagues', 'link_worker'], p_comments: 'Two servers, one answer.' }

interface AppProcess {
  url: string
  child: ChildProcess
  output: () => string
}

async function startServer(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), LINKSCORE_LOG_REQUESTS: '0', ...env },
  })
  let output = ''
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()))
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()))
  const url = `http://127.0.0.1:${port}`
  // Up to a minute: tsx compiles the server first, and a new database's demo is seeded before it listens, which on a
  // loaded 2-core machine (CI runs other test files beside this one) has taken more than 20 s.
  for (let tries = 0; tries < 600; tries++) {
    if (child.exitCode !== null) throw new Error(`The server stopped:\n${output}`)
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child, output: () => output }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`The server did not start:\n${output}`)
}

async function stop(app: AppProcess): Promise<void> {
  if (app.child.exitCode !== null) return
  const exited = new Promise((resolve) => app.child.once('exit', resolve))
  app.child.kill('SIGTERM')
  await exited
}

/** One person's browser: one cookie jar, whichever server it talks to (the two stand for one service behind a balancer). */
function browser() {
  const cookies = new Map<string, string>()
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...value] = pair!.split('=')
      cookies.set(name!, value.join('='))
    }
  }
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
    remember(res)
    const $ = cheerio.load(await res.text())
    return {
      status: res.status,
      location: res.headers.get('location'),
      $,
      csrf: $('input[name=_csrf]').first().attr('value') ?? '',
      heading: $('h1').first().text().trim(),
    }
  }
  return {
    get: (url: string) => send(url),
    /** A download's text as sent (a page is parsed as HTML; a CSV must not be). */
    text: async (url: string) => {
      const res = await fetch(url, { headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
      return res.text()
    },
    post: (url: string, fields: Record<string, string | string[]>, csrf: string) => {
      const body = new URLSearchParams({ _csrf: csrf })
      for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v)
      return send(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    },
  }
}

// The test starts its own PostgreSQL-backed processes, so it runs once, in the SQLite project.
describe.skipIf(TEST_DATABASE !== 'sqlite' || !postgresTestUrl())('two app servers on one PostgreSQL database', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>
  let a: AppProcess
  let b: AppProcess
  let password: string
  const env = () => ({ LINKSCORE_DATABASE_URL: schema.url, LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES, LINKSCORE_DEMO: '0' })

  beforeAll(async () => {
    schema = await createTestSchema()
    const ls = await boot({ database: { kind: 'postgres', url: schema.url }, questionnairesFolder: FIXTURE_QUESTIONNAIRES })
    await seedProgramme(ls, ['pilot'])
    password = (
      await ls.services.staffAccounts.addUser(
        { email: 'eva@example.org', role: 'evaluator', programmes: ['test'] },
        { kind: 'command line' },
        { mustChangePassword: false },
      )
    ).password
    await ls.repos.close()
    ;[a, b] = await Promise.all([startServer(env()), startServer(env())])
  }, 150_000)
  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map(stop))
    await schema?.drop()
  })

  it('lets a respondent save page 1 through one, page 2 through the other, resume through either, and exports each answer once', async () => {
    const person = browser()
    const start = await person.get(`${a.url}/p/P001/baseline`)
    const started = await person.post(`${a.url}/p/P001/baseline`, {}, start.csrf)
    expect(started.status).toBe(303)
    const token = started.location!.split('/')[2]!

    const aboutYou = await person.get(`${b.url}/r/${token}/about-you`)
    expect((await person.post(`${b.url}/r/${token}/about-you`, { role: 'gp' }, aboutYou.csrf)).location).toBe(`/r/${token}/pilot/first-page`)
    const first = await person.get(`${a.url}/r/${token}/pilot/first-page`)
    expect((await person.post(`${a.url}/r/${token}/pilot/first-page`, FIRST_PAGE, first.csrf)).location).toBe(`/r/${token}/pilot/second-page`)
    const second = await person.get(`${b.url}/r/${token}/pilot/second-page`)
    expect(second.heading).toBe('Training')
    expect((await person.post(`${b.url}/r/${token}/pilot/second-page`, SECOND_PAGE, second.csrf)).location).toBe(`/r/${token}/check-answers`)

    for (const server of [a, b]) expect((await person.get(`${server.url}/r/${token}`)).location).toBe(`/r/${token}/check-answers`)
    const check = await person.get(`${a.url}/r/${token}/check-answers`)
    expect((await person.post(`${b.url}/r/${token}/check-answers`, {}, check.csrf)).location).toBe(`/r/${token}/confirmation`)

    const exported = await runCli(['export', 'answers', '--wave', 'baseline'], env())
    expect(exported.stderr).toBe('')
    // Read by column name: the practice context columns came after language, and a reader by position broke once.
    const rows = parse(exported.stdout, { columns: true }) as Record<string, string>[]
    // No one has set the response aside; the language is English.
    expect(rows.every((row) => row.excluded === '0' && row.language === 'en-GB')).toBe(true)
    const values = rows.map((row) => `${row.item},${row.value}`)
    // In the order they were saved, page by page, each once.
    expect(values).toEqual([
      'p_role_years,long',
      'p_leaders,4',
      'p_confidence,7',
      'p_training_gp,nr_role',
      'p_training_lacking,2',
      'p_channels,colleagues',
      'p_channels,link_worker',
      'p_comments,Two servers, one answer.',
    ])
  })

  it("shows in one process's next scorecard and scores download a response sent through the other", async () => {
    const ls = await boot({ database: { kind: 'postgres', url: schema.url }, questionnairesFolder: FIXTURE_QUESTIONNAIRES })
    await ls.services.admin.addPractice({ programme: 'test', code: 'P002', name: 'Practice P002' })
    const steering = (
      await ls.services.staffAccounts.addUser(
        { email: 'sam@example.org', role: 'evaluator', programmes: ['test'] },
        { kind: 'command line' },
        { mustChangePassword: false },
      )
    ).password
    await ls.repos.close()
    /** One respondent of P002, the whole journey through `server`, with `leaders` as their answer to the scored item. */
    const respond = async (server: AppProcess, leaders: string) => {
      const person = browser()
      const start = await person.get(`${server.url}/p/P002/baseline`)
      const token = (await person.post(`${server.url}/p/P002/baseline`, {}, start.csrf)).location!.split('/')[2]!
      const pages: [string, Record<string, string | string[]>][] = [
        ['about-you', { role: 'gp' }],
        ['pilot/first-page', { ...FIRST_PAGE, p_leaders: leaders }],
        ['pilot/second-page', SECOND_PAGE],
        ['check-answers', {}],
      ]
      for (const [page, fields] of pages) {
        const form = await person.get(`${server.url}/r/${token}/${page}`)
        expect((await person.post(`${server.url}/r/${token}/${page}`, fields, form.csrf)).status).toBe(303)
      }
    }
    for (const leaders of ['4', '4', '5']) await respond(a, leaders)

    const sam = browser()
    const form = await sam.get(`${b.url}/sign-in`)
    expect((await sam.post(`${b.url}/sign-in`, { email: 'sam@example.org', password: steering }, form.csrf)).status).toBe(303)
    const scorecard = async () => (await sam.get(`${b.url}/programmes/test/practices/P002`)).$('.ls-scale-table tbody tr').first().text().replace(/\s+/g, ' ')
    const practiceScores = async () =>
      (parse(await sam.text(`${b.url}/programmes/test/exports/scores.csv?wave=baseline`), { columns: true }) as Record<string, string>[])
        .filter((row) => row.practice_code === 'P002' && row.scale === 'organisational/leadership')
        .map((row) => ({ n: row.n, score: row.score }))
    // Process B scores the wave and keeps it: asked twice, the same.
    const before = { scorecard: await scorecard(), scores: await practiceScores() }
    expect(before.scores).toEqual([{ n: '3', score: expect.any(String) }])
    expect(await scorecard()).toBe(before.scorecard)
    expect(await practiceScores()).toEqual(before.scores)

    await respond(a, '1')
    const after = await practiceScores()
    expect(after).toEqual([{ n: '4', score: expect.any(String) }])
    // Three leaders' answers of 4, 4 and 5 and now a 1: the mean falls.
    expect(Number(after[0]!.score)).toBeLessThan(Number(before.scores[0]!.score))
    expect(await scorecard()).not.toBe(before.scorecard)
  })

  it('honours in one process a sign-in wait brought on through the other', async () => {
    const attacker = browser()
    for (let n = 0; n < 6; n++) {
      const form = await attacker.get(`${a.url}/sign-in`)
      await attacker.post(`${a.url}/sign-in`, { email: 'eva@example.org', password: 'wrong' }, form.csrf)
    }
    const eva = browser()
    const form = await eva.get(`${b.url}/sign-in`)
    const refused = await eva.post(`${b.url}/sign-in`, { email: 'eva@example.org', password }, form.csrf)
    expect(refused.status).toBe(429)
    expect(refused.$('main p').first().text()).toBe('There have been too many failed attempts to sign in. Wait 1 minute before trying again.')
  })

  it('lets two processes start at once on a new database: one demo, one admin, both serving', async () => {
    const fresh = await createTestSchema()
    const both = { LINKSCORE_DATABASE_URL: fresh.url, LINKSCORE_QUESTIONNAIRES: 'questionnaires', LINKSCORE_DEMO: '1' }
    const [one, two] = await Promise.all([startServer(both), startServer(both)])
    try {
      const ls = await boot({ database: { kind: 'postgres', url: fresh.url }, questionnairesFolder: 'questionnaires' })
      expect((await ls.repos.programmes.list()).map((p) => p.slug)).toEqual(['demo'])
      expect(await ls.repos.staffUsers.countActive('admin')).toBe(2)
      expect(await ls.repos.reports.submittedByWave((await ls.repos.programmes.findBySlug('demo'))!.id)).toEqual(
        new Map([
          [1, 30],
          [2, 30],
          [3, 30],
        ]),
      )
      await ls.repos.close()
      expect(one.output().includes('Created "Demo programme') !== two.output().includes('Created "Demo programme')).toBe(true)
    } finally {
      await Promise.all([stop(one), stop(two)])
      await fresh.drop()
    }
  }, 150_000)
})
