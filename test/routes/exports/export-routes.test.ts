// Downloads on the web: the same bytes as the command line, named and recorded in the audit log; bad choices get the
// exports page again with a message, never a file.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { answerVersion2, RESPONSES_HEADER, seedExportFixture, SUBMITTED_RESPONSE_ROWS } from '../../support/export-fixture.js'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { runCli } from '../../support/run-cli.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { FIXTURE_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let admin: HttpClient
let evaluator: HttpClient
beforeAll(async () => {
  ls = await testLinkscore()
  await seedExportFixture(ls)
  admin = httpClient(ls.app)
  evaluator = httpClient(ls.app)
  await signIn(admin, 'admin@example.org', await addStaff(ls, 'admin@example.org', 'admin'))
  await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))
})
afterAll(() => ls.close())

const cli = async (...args: string[]) => {
  const result = await runCli(args, { ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES })
  expect(result.stderr).toBe('')
  return result.stdout
}
const EXPORTS = '/programmes/north/exports'

describe('each download is the command line export, byte for byte', () => {
  it.each([
    { path: 'answers.csv?wave=baseline', args: ['answers', '--wave', 'baseline'], file: 'north-baseline-answers.csv' },
    { path: 'answers.csv?wave=baseline&include-partial=yes', args: ['answers', '--wave', 'baseline', '--include-partial'], file: 'north-baseline-answers.csv' },
    { path: 'responses.csv?wave=baseline', args: ['responses', '--wave', 'baseline'], file: 'north-baseline-responses.csv' },
    {
      path: 'responses.csv?wave=baseline&include-partial=yes',
      args: ['responses', '--wave', 'baseline', '--include-partial'],
      file: 'north-baseline-responses.csv',
    },
    { path: 'answers.csv?wave=all', args: ['answers', '--wave', 'all', '--programme', 'north'], file: 'north-all-waves-answers.csv' },
    {
      path: 'responses.csv?wave=all&include-partial=yes',
      args: ['responses', '--wave', 'all', '--programme', 'north', '--include-partial'],
      file: 'north-all-waves-responses.csv',
    },
    { path: 'codebook.csv', args: ['codebook'], file: 'north-codebook.csv' },
    { path: 'scores.csv?wave=baseline', args: ['scores', '--wave', 'baseline'], file: 'north-baseline-scores.csv' },
    {
      path: 'scores.csv?wave=six-months&weighting=settings',
      args: ['scores', '--wave', 'six-months', '--weighting', 'settings'],
      file: 'north-six-months-scores.csv',
    },
    { path: 'scale-stats.csv?wave=baseline&weighting=respondents', args: ['scale-stats', '--wave', 'baseline'], file: 'north-baseline-scale-stats.csv' },
    { path: 'item-stats.csv?wave=baseline', args: ['item-stats', '--wave', 'baseline'], file: 'north-baseline-item-stats.csv' },
    {
      path: 'item-stats.csv?wave=baseline&setting=general_practice',
      args: ['item-stats', '--wave', 'baseline', '--setting', 'general_practice'],
      file: 'north-baseline-item-stats-general_practice.csv',
    },
    {
      path: 'change.csv?from=baseline&to=six-months',
      args: ['change', '--from', 'baseline', '--to', 'six-months'],
      file: 'north-baseline-to-six-months-change.csv',
    },
  ])('$path', async ({ path, args, file }) => {
    const download = await evaluator.download(`${EXPORTS}/${path}`)
    expect(download.status).toBe(200)
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${file}"`)
    expect(download.headers['cache-control']).toBe('no-store')
    expect(download.text.split('\n').length).toBeGreaterThan(2)
    expect(download.text).toBe(await cli('export', ...args))
  })

  it('gives the wide responses exactly: 0/1 per option, codes as stored, unanswered items empty', async () => {
    const download = await admin.download(`${EXPORTS}/responses.csv?wave=baseline`)
    expect(parse(download.text)).toEqual([RESPONSES_HEADER, ...SUBMITTED_RESPONSE_ROWS])
  })
})

describe('the audit log', () => {
  it('records one entry per download: who, which export, the programme, the waves and the options', async () => {
    const before = (await auditLines(ls)).length
    await evaluator.download(`${EXPORTS}/answers.csv?wave=baseline&include-partial=yes`)
    await evaluator.download(`${EXPORTS}/scores.csv?wave=six-months&weighting=settings`)
    await admin.download(`${EXPORTS}/change.csv?from=baseline&to=six-months`)
    await admin.download(`${EXPORTS}/codebook.csv`)
    await admin.download(`${EXPORTS}/linkscore.R?wave=baseline`)
    await admin.download(`${EXPORTS}/responses.csv?wave=all`)
    await admin.download(`${EXPORTS}/linkscore.sps?wave=all`)
    await admin.download(`${EXPORTS}/linkscore.do?wave=baseline`)
    await admin.download(`${EXPORTS}/answers.csv?wave=nope`)
    expect((await auditLines(ls)).slice(before)).toEqual([
      'data exported eva@example.org {"export":"answers","programme":"north","wave":"baseline","includePartial":true}',
      'data exported eva@example.org {"export":"scores","programme":"north","wave":"six-months","weighting":"settings"}',
      'data exported admin@example.org {"export":"change","programme":"north","from":"baseline","to":"six-months","weighting":"respondents"}',
      'data exported admin@example.org {"export":"codebook","programme":"north"}',
      'data exported admin@example.org {"export":"r-script","programme":"north"}',
      'data exported admin@example.org {"export":"responses","programme":"north","wave":"all","includePartial":false}',
      'data exported admin@example.org {"export":"spss","programme":"north","wave":"all"}',
      'data exported admin@example.org {"export":"stata","programme":"north","wave":"baseline"}',
    ])
  })
})

describe('choices the page cannot honour', () => {
  let auditCount: number
  beforeEach(async () => {
    auditCount = (await auditLines(ls)).length
  })

  it.each([
    { path: 'answers.csv', field: 'wave', message: 'Choose a wave' },
    { path: 'answers.csv?wave=', field: 'wave', message: 'Choose a wave' },
    { path: 'responses.csv?wave=nope', field: 'wave', message: 'North PCN has no wave "nope": choose one of its waves' },
    { path: 'answers.csv?wave=baseline&wave=six-months', field: 'wave', message: 'Choose only one wave' },
    {
      path: 'answers.csv?wave=baseline&include-partial=maybe',
      field: 'include-partial',
      message: 'To include unfinished responses, tick the box; otherwise leave it empty',
    },
    { path: 'scores.csv?wave=baseline&weighting=heavy', field: 'weighting', message: 'Choose respondents or setting groups for the practice mean' },
    { path: 'scale-stats.csv', field: 'wave', message: 'Choose a wave' },
    {
      path: 'item-stats.csv?wave=baseline&setting=gp',
      field: 'setting',
      message: 'Choose a setting: general_practice, link_worker or community, or leave it empty for all settings',
    },
    { path: 'change.csv?to=six-months', field: 'from', message: 'Choose a wave to compare with' },
    { path: 'change.csv?from=baseline', field: 'wave', message: 'Choose a wave' },
    { path: 'change.csv?from=baseline&to=baseline', field: 'from', message: 'Choose a different wave to compare with' },
    { path: 'linkscore.R?wave=nope', field: 'wave', message: 'North PCN has no wave "nope": choose one of its waves' },
    { path: '?wave=nope', field: 'wave', message: 'North PCN has no wave "nope": choose one of its waves' },
    { path: 'scores.csv?wave=all', field: 'wave', message: 'North PCN has no wave "all": choose one of its waves' },
    { path: 'linkscore.sps?wave=nope', field: 'wave', message: 'North PCN has no wave "nope": choose one of its waves' },
    {
      path: 'linkscore.do?include-partial=maybe',
      field: 'include-partial',
      message: 'To include unfinished responses, tick the box; otherwise leave it empty',
    },
  ])('$path: 422, the exports page with "$message" at #$field, and no file', async ({ path, field, message }) => {
    const url = path.startsWith('?') ? `${EXPORTS}${path}` : `${EXPORTS}/${path}`
    const page = await admin.get(url)
    expect(page.status).toBe(422)
    expect(page.title).toMatch(/^Error: Download data: North PCN/)
    expect(page.errorSummary).toEqual([{ text: message, href: `#${field}` }])
    expect(page.$(`#${field}-error`).text()).toContain(message)
    expect(page.$(`#${field}`).length).toBe(1)
    const download = await admin.download(url)
    expect(download.headers['content-type']).toMatch(/^text\/html/)
    expect(download.headers['content-disposition']).toBeUndefined()
    expect((await auditLines(ls)).length).toBe(auditCount)
  })

  it.each(['everything.csv', 'answers.txt', 'answers', '.csv', 'Answers.csv'])('an unknown download, %s, is not found', async (path) => {
    const page = await admin.get(`${EXPORTS}/${path}?wave=baseline`)
    expect(page.status).toBe(404)
    expect(page.heading).toBe('Page not found')
  })
})

describe('the R script download', () => {
  it('is a text file named after the programme, pointing at the waves chosen', async () => {
    const download = await evaluator.download(`${EXPORTS}/linkscore.R?wave=baseline`)
    expect(download.status).toBe(200)
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(download.headers['content-disposition']).toBe('attachment; filename="north-linkscore.R"')
    expect(download.text).toContain('linkscore_wave <- "baseline"')
    expect(download.text).toContain('answers = paste0("north-", linkscore_wave, "-answers.csv")')
  })

  it('points at the latest wave and the one before it when none is chosen', async () => {
    const text = (await evaluator.download(`${EXPORTS}/linkscore.R`)).text
    expect(text).toContain('linkscore_wave <- "six-months"')
    expect(text).toContain('linkscore_from_wave <- "baseline"')
  })
})

describe('the SPSS and Stata downloads', () => {
  it.each([
    { path: 'linkscore.sps?wave=baseline', file: 'north-baseline-responses.sps', reads: "/FILE='north-baseline-responses.csv'" },
    { path: 'linkscore.sps', file: 'north-six-months-responses.sps', reads: "/FILE='north-six-months-responses.csv'" },
    { path: 'linkscore.do?wave=all', file: 'north-all-waves-responses.do', reads: 'import delimited using "north-all-waves-responses.csv"' },
  ])('$path is a text file reading $file', async ({ path, file, reads }) => {
    const download = await evaluator.download(`${EXPORTS}/${path}`)
    expect(download.status).toBe(200)
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${file}"`)
    expect(download.text).toContain(reads)
  })

  it('reads the columns of the file it names, in its order', async () => {
    const header = (await admin.download(`${EXPORTS}/responses.csv?wave=all&include-partial=yes`)).text.split('\n')[0]!.split(',')
    const sps = (await admin.download(`${EXPORTS}/linkscore.sps?wave=all&include-partial=yes`)).text
    const keep = /\/KEEP=\n([\s\S]*?)\.\n/.exec(sps)![1]!.split(/\s+/).filter(Boolean)
    expect(keep).toEqual(header)
  })
})

describe('a wave with answers to two versions of a questionnaire', () => {
  it('explains that its scores cannot be exported (409), and logs no download', async () => {
    const other = await testLinkscore()
    try {
      await seedExportFixture(other)
      await answerVersion2(other, true)
      const client = httpClient(other.app)
      await signIn(client, 'admin@example.org', await addStaff(other, 'admin@example.org', 'admin'))
      const before = (await auditLines(other)).length
      const page = await client.get(`${EXPORTS}/scores.csv?wave=baseline`)
      expect(page.status).toBe(409)
      expect(page.heading).toBe('This export cannot be made')
      expect(page.$('main p').first().text()).toBe(
        'Wave "baseline" has answers to versions 1 and 2 of "pilot"; scores need answers to one version, so none are computed. The answers and responses exports still hold every answer with its version.',
      )
      expect((await auditLines(other)).length).toBe(before)
      expect((await client.download(`${EXPORTS}/responses.csv?wave=baseline`)).status).toBe(200)
    } finally {
      await other.close()
    }
  })
})
