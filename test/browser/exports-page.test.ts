// The exports page in a real browser: no axe-core violations (with and without errors), and choosing and downloading
// a file with JavaScript off.
import { mkdirSync, readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations } from '../support/axe.js'
import { chromiumHarness } from '../support/chromium-harness.js'
import { seedExportFixture } from '../support/export-fixture.js'
import { runCli } from '../support/run-cli.js'
import { addStaff, submitSignInForm } from '../support/staff-users.js'
import { FIXTURE_QUESTIONNAIRES, testLinkscore } from '../support/test-linkscore.js'

const ARTEFACTS = 'test-results'
let page: Page
let password: string

const chromium = chromiumHarness({
  async linkscore() {
    const ls = await testLinkscore()
    await seedExportFixture(ls)
    password = await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north'] })
    return ls
  },
})

async function signIn() {
  await page.goto(`${chromium.url}/sign-in`)
  await submitSignInForm(page, 'eva@example.org', password)
}

chromium.describe('the exports page', () => {
  it('has no accessibility violations, with and without errors', async () => {
    page = await chromium.newPage()
    await signIn()
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Download data from North PCN' }).click()])
    expect(await page.title()).toBe('Download data: North PCN – Linkscore')
    await expectNoAxeViolations(page, 'exports page')
    await page.goto(`${chromium.url}/programmes/north/exports/change.csv?from=baseline&to=baseline`)
    expect(await page.title()).toBe('Error: Download data: North PCN – Linkscore')
    await expectNoAxeViolations(page, 'exports page with an error')
  })

  it('chooses a wave and a weighting and downloads the file, with JavaScript off', async () => {
    page = await chromium.newPage({ javaScriptEnabled: false, acceptDownloads: true })
    await signIn()
    await page.goto(`${chromium.url}/programmes/north/exports`)
    await page.locator('#wave-2').check() // Baseline, under "Wave"
    await page.getByLabel(/Mean of the setting groups/).check()
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Update the downloads' }).click()])
    // "Compare with" still says Baseline: the same wave, so there is no change file, and that is not an error.
    // "All settings" sends an empty setting, which the item statistics read as every setting together.
    expect(new URL(page.url()).search).toBe('?wave=baseline&from=baseline&weighting=settings&setting=')
    expect(await page.title()).toBe('Download data: North PCN – Linkscore')
    expect(await page.getByRole('link', { name: /^Change from/ }).count()).toBe(0)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Practice scores: Baseline' }).click()])
    expect(download.suggestedFilename()).toBe('north-baseline-scores.csv')
    const cli = await runCli(['export', 'scores', '--wave', 'baseline', '--weighting', 'settings'], {
      ...chromium.ls.databaseEnv,
      LINKSCORE_QUESTIONNAIRES: FIXTURE_QUESTIONNAIRES,
    })
    expect(readFileSync((await download.path())!, 'utf8')).toBe(cli.stdout)
  })

  it('chooses all waves and downloads the SPSS syntax for the responses of all waves, with no violations at 390 and 1280 px', async () => {
    mkdirSync(ARTEFACTS, { recursive: true })
    // JavaScript on: axe-core runs in the page.
    page = await chromium.newPage({ acceptDownloads: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await signIn()
    await page.goto(`${chromium.url}/programmes/north/exports`)
    await page.locator('input[name="wave"][value="all"]').check()
    expect(await page.locator('label[for="wave-3"]').textContent()).toBe('All waves (answers and responses files)')
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Update the downloads' }).click()])
    expect(await page.getByRole('link', { name: 'Responses, wide format: every wave' }).count()).toBe(1)
    await expectNoAxeViolations(page, 'exports page, all waves')
    await page.screenshot({ path: `${ARTEFACTS}/exports-all-waves-390.png`, fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.screenshot({ path: `${ARTEFACTS}/exports-all-waves-1280.png`, fullPage: true })
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'SPSS syntax to read the responses file' }).click()])
    expect(download.suggestedFilename()).toBe('north-all-waves-responses.sps')
    expect(readFileSync((await download.path())!, 'utf8')).toContain("/FILE='north-all-waves-responses.csv'")
  })
})
