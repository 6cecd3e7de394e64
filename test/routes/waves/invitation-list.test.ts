// A wave's mail-merge list: a row per personal invitation with its link and short code, for the programme's
// evaluators and admins, audited; an invitation made before short codes gets one, and keeps it.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { httpClient, type HttpClient } from '../../support/http-client.js'
import { runCli } from '../../support/run-cli.js'
import { addStaff, auditLines, signIn } from '../../support/staff-users.js'
import { FIXTURE_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let evaluator: HttpClient
const PATH = '/programmes/north/waves/spring/invitations.csv'

beforeAll(async () => {
  ls = await testLinkscore()
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addPractice({ programme: 'north', code: 'N2', name: '=Birch, "the" Practice' })
  await admin.addPractice({ programme: 'north', code: 'N1', name: 'Alder Surgery' })
  await admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['pilot'] })
  await admin.createInvitations({ wave: 'spring', practice: 'N2', count: 1 })
  await admin.createInvitations({ wave: 'spring', practice: 'N1', count: 2, role: 'link_worker' })
  evaluator = httpClient(ls.app)
  await signIn(evaluator, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] }))
})
afterAll(() => ls.close())

const stored = async () => {
  const wave = (await ls.repos.waves.findBySlug((await ls.repos.programmes.findBySlug('north'))!.id, 'spring'))!
  return ls.repos.invitations.listByWave(wave.id)
}
const asPrinted = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`

it('lists every invitation by practice with its link and short code, and nothing that says who has answered', async () => {
  const got = await evaluator.download(PATH)
  expect(got.status).toBe(200)
  expect(got.headers['content-type']).toBe('text/csv; charset=utf-8')
  expect(got.headers['content-disposition']).toBe('attachment; filename="north-spring-invitations.csv"')
  const rows = parse(got.text) as string[][]
  const invitations = await stored()
  expect(rows).toEqual([
    ['practice_code', 'practice_name', 'preset_role', 'link', 'short_code', 'code_page'],
    ...invitations.map((i) => [
      i.practiceCode,
      i.practiceCode === 'N2' ? `'=Birch, "the" Practice` : 'Alder Surgery',
      i.presetRole ?? '',
      `${ls.config.baseUrl}/s/${i.token}`,
      asPrinted(i.shortCode!),
      `${ls.config.baseUrl}/code`,
    ]),
  ])
  expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
    ['N1', 'link_worker'],
    ['N1', 'link_worker'],
    ['N2', ''],
  ])
  expect(new Set(rows.slice(1).map((r) => r[4])).size).toBe(3)
  expect((await auditLines(ls)).at(-1)).toBe('data exported eva@example.org {"export":"invitations","programme":"north","wave":"spring"}')
})

it('gives an invitation made before short codes one of its own, the same on every download, that /code accepts', async () => {
  const [first] = await stored()
  await ls.db.updateTable('invitation').set({ short_code: null }).where('id', '=', first!.id).execute()
  const codeOf = async () =>
    (parse((await evaluator.download(PATH)).text, { columns: true }) as Record<string, string>[]).find((r) => r.link!.endsWith(first!.token))!.short_code
  const given = await codeOf()
  expect(given).toMatch(/^[A-HJ-NP-Z]{4}-[A-HJ-NP-Z]{4}$/)
  expect(given).not.toBe(asPrinted(first!.shortCode!))
  expect(await codeOf()).toBe(given)
  const sent = await httpClient(ls.app).submit('/code', { code: given! })
  expect(sent.location).toBe(`/s/${first!.token}`)
})

it('is the same list from the command line', async () => {
  const printed = await runCli(['invites', 'export', '--wave', 'spring'], {
    ...ls.databaseEnv,
    LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES,
    LINKSCORE_BASE_URL: ls.config.baseUrl,
  })
  expect(printed.stderr).toBe('')
  expect(printed.stdout).toBe((await evaluator.download(PATH)).text)
})
