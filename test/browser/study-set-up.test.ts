// Issue 10's acceptance walk, in Chromium with JavaScript on and again with it off: from the first admin's one-time
// password, set up a study with no terminal (a programme, 12 practices from a CSV file with one bad row, a baseline
// copied twice, the baseline opened, an evaluator and a steering member), sign in as each and see exactly their scope,
// and read every change in the audit log in words. axe-core checks each page on the way and each error state.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { submitSignInForm } from '../support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore } from '../support/test-linkscore.js'

let firstPassword: string
const folder = mkdtempSync(join(tmpdir(), 'linkscore-set-up-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const chromium = chromiumHarness({
  async linkscore() {
    const ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    // As at a first start: an admin with a one-time password, printed once.
    firstPassword = (await ls.services.staffAccounts.addUser({ email: 'admin@localhost', role: 'admin' }, { kind: 'start-up' })).password
    return ls
  },
})

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
const PRACTICES = Array.from({ length: 12 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0')
  return `E${n},East Practice ${n},${6000 + i * 250},${(i % 5) + 1},${i % 3 === 0 ? 'rural' : 'urban'},PCN link workers`
})
const CSV = [
  'code,name,list_size,deprivation_quintile,rurality,sp_model',
  ...PRACTICES.slice(0, 6),
  'E99,Bad Row Surgery,lots,7,urban,',
  ...PRACTICES.slice(6),
].join('\n')

const go = (page: Page, click: () => Promise<void>) => Promise.all([page.waitForNavigation(), click()])
const text = async (page: Page, selector: string) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim()

/** Signs in with a one-time password, meets the forced change first, and chooses a password of one's own. */
async function firstSignIn(page: Page, email: string, oneTime: string, chosen: string, jsOff: boolean) {
  await page.goto(`${chromium.url}/sign-in`)
  await submitSignInForm(page, email, oneTime)
  expect(await page.locator('h1').textContent()).toBe('Choose a new password before you go on')
  await page.goto(`${chromium.url}/staff`)
  expect(await page.locator('h1').textContent(), 'every page waits for the new password').toBe('Choose a new password before you go on')
  await page.getByLabel('The password you signed in with').fill(oneTime)
  await page.getByLabel('New password', { exact: true }).fill('password1234')
  await page.getByLabel('Confirm your new password').fill('password1234')
  await go(page, () => page.getByRole('button', { name: 'Save the new password' }).click())
  expect(await page.title()).toMatch(/^Error: /)
  if (!jsOff) await expectNoAxeViolations(page, `${email}: the forced password change with an error`)
  await page.getByLabel('The password you signed in with').fill(oneTime)
  await page.getByLabel('New password', { exact: true }).fill(chosen)
  await page.getByLabel('Confirm your new password').fill(chosen)
  await go(page, () => page.getByRole('button', { name: 'Save the new password' }).click())
  expect(new URL(page.url()).pathname).toBe('/staff')
}

async function addAccount(page: Page, email: string, role: string, scope: { programme?: string; practice?: string }): Promise<string> {
  await page.goto(`${chromium.url}/accounts`)
  await go(page, () => page.getByRole('button', { name: 'Add a staff account' }).click())
  await page.getByLabel('E-mail address').fill(email)
  await page.getByLabel(role, { exact: true }).check()
  if (scope.programme) await page.getByLabel(scope.programme, { exact: true }).check()
  if (scope.practice) await page.getByLabel(scope.practice, { exact: true }).check()
  await go(page, () => page.getByRole('button', { name: 'Add the account' }).click())
  return (await page.locator('#one-time-password').textContent())!.trim()
}

async function addWave(page: Page, fields: { slug: string; title: string; opens: string; closes: string }, questionnaires?: string[]) {
  await page.getByLabel('Short name for links').fill(fields.slug)
  await page.getByLabel('Title').fill(fields.title)
  await page.getByLabel('Opening date (optional)').fill(fields.opens)
  await page.getByLabel('Closing date (optional)').fill(fields.closes)
  for (const [i, id] of (questionnaires ?? []).entries())
    await page.getByLabel(['First questionnaire', 'Second questionnaire', 'Third questionnaire'][i]!).selectOption(id)
  await go(page, () => page.getByRole('button', { name: 'Add wave' }).click())
}

async function walk(options: BrowserContextOptions, jsOff: boolean) {
  const axe = async (page: Page, what: string) => {
    if (!jsOff) await expectNoAxeViolations(page, what)
  }
  const admin = await chromium.newPage(options)
  await firstSignIn(admin, 'admin@localhost', firstPassword, 'quiet harbour lantern study', jsOff)

  // A programme.
  await go(admin, () => admin.getByRole('link', { name: 'Programmes', exact: true }).click())
  await go(admin, () => admin.getByRole('button', { name: 'Add a programme' }).click())
  await admin.getByLabel('Short name').fill('east')
  await admin.getByLabel('Name', { exact: true }).fill('East PCN')
  await admin.getByLabel('Organisation running the study (optional)').fill('University of Somewhere')
  await go(admin, () => admin.getByRole('button', { name: 'Add the programme' }).click())
  expect(await admin.locator('.ls-programme h2').allTextContents()).toEqual(['East PCN'])

  // 12 practices from a CSV file, one bad row refused with its reasons.
  await admin.goto(`${chromium.url}/staff`)
  await go(admin, () => admin.getByRole('link', { name: 'Practices of East PCN', exact: true }).click())
  await go(admin, () => admin.getByRole('button', { name: 'Import from a CSV file' }).click())
  await axe(admin, 'the import form')
  writeFileSync(join(folder, 'east-practices.csv'), CSV)
  await admin.getByLabel('CSV file of practices').setInputFiles(join(folder, 'east-practices.csv'))
  await go(admin, () => admin.getByRole('button', { name: 'Check the file' }).click())
  expect(await admin.locator('main ul li').allTextContents()).toContain('12 practices will be added')
  const refused = await text(admin, 'tr:has-text("Bad Row Surgery")')
  expect(refused).toContain('Refused')
  expect(refused).toContain('Enter a list size as a whole number of patients, such as 8400')
  expect(refused).toContain('Deprivation quintile must be 1 (most deprived) to 5 (least deprived)')
  await axe(admin, 'the import preview')
  await go(admin, () => admin.getByRole('button', { name: 'Import 12 practices' }).click())
  expect(await admin.locator('tbody tr').count()).toBe(12)
  await axe(admin, 'the practices list')

  // A baseline, copied for 6 and 12 months; the baseline opened.
  await admin.goto(`${chromium.url}/staff`)
  await go(admin, () => admin.getByRole('link', { name: 'Waves of East PCN', exact: true }).click())
  await go(admin, () => admin.getByRole('button', { name: 'Add a wave' }).click())
  await addWave(admin, { slug: 'baseline', title: 'Baseline', opens: day(0), closes: day(42) }, ['context', 'normalisation', 'good-practice'])
  await go(admin, () => admin.getByRole('button', { name: 'Copy the last wave (Baseline)' }).click())
  await addWave(admin, { slug: 'six-months', title: 'Six months on', opens: day(182), closes: day(224) })
  await go(admin, () => admin.getByRole('button', { name: 'Copy the last wave (Six months on)' }).click())
  await addWave(admin, { slug: 'twelve-months', title: 'Twelve months on', opens: day(365), closes: day(407) })
  expect((await admin.locator('.ls-wave h2').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
    'Baseline Draft',
    'Six months on Draft',
    'Twelve months on Draft',
  ])
  expect(await text(admin, '#wave-twelve-months dl')).toContain('1. Your work with social prescribing (context) 2. How social prescribing fits')
  await go(admin, () =>
    admin
      .locator('#wave-baseline')
      .getByRole('link', { name: /^Open this wave/ })
      .click(),
  )
  expect(await text(admin, 'main p')).toMatch(/^12 practices, 0 invitations; respondents/)
  await go(admin, () => admin.getByRole('button', { name: 'Open the wave' }).click())
  expect(await text(admin, '#wave-baseline h2')).toBe('Baseline Open')

  // An evaluator of East and a steering member of one practice.
  const evaluatorPassword = await addAccount(admin, 'eve@example.org', 'Evaluator', { programme: 'East PCN' })
  await axe(admin, 'the one-time password')
  const steeringPassword = await addAccount(admin, 'sam@example.org', 'Steering group member', { practice: 'East Practice 03 (E03)' })

  // Each sees exactly their scope.
  const evaluator = await chromium.newPage(options)
  await firstSignIn(evaluator, 'eve@example.org', evaluatorPassword, 'an evaluator passphrase', jsOff)
  expect(await evaluator.locator('main h2').allTextContents()).toEqual(['East PCN', 'Your account'])
  // Twelve practices, and the open wave's link to its fieldwork page.
  expect(await evaluator.locator('main ul li a').count()).toBe(13)
  expect((await evaluator.goto(`${chromium.url}/programmes`))!.status()).toBe(404)
  expect((await evaluator.goto(`${chromium.url}/programmes/east/practices`))!.status()).toBe(200)

  const steering = await chromium.newPage(options)
  await firstSignIn(steering, 'sam@example.org', steeringPassword, 'a steering passphrase', jsOff)
  expect(await steering.locator('main h2').allTextContents()).toEqual(['East PCN', 'Your account'])
  expect(await steering.locator('main ul li a').allTextContents()).toEqual(['Your practice’s progress', 'East Practice 03'])
  for (const path of ['/programmes/east/practices', '/programmes/east/waves', '/programmes/east/compare', '/accounts', '/programmes/east/practices/E04'])
    expect((await steering.goto(`${chromium.url}${path}`))!.status(), path).toBe(404)

  // The audit log, in words.
  await admin.goto(`${chromium.url}/audit`)
  const log = (await admin.locator('tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())
  for (const line of [
    /programme added .*programme: east/,
    /practice added .*practice: E12/,
    /wave added .*wave: twelve-months/,
    /wave opened .*status: draft → open/,
    /user added .*user: eve@example.org/,
    /user added .*user: sam@example.org/,
  ])
    expect(
      log.some((l) => line.test(l)),
      String(line),
    ).toBe(true)
  expect(log.join('\n')).not.toMatch(/[a-z][A-Z][a-z]+:/)
  await axe(admin, 'the audit log')
}

chromium.describe('setting up a study from the browser (issue 10)', () => {
  it('works with JavaScript on, with no axe violations on the way', () => walk({}, false), 120_000)
  it('works with JavaScript off', () => walk({ javaScriptEnabled: false }, true), 120_000)
})
