// The instrument-quality page over HTTP on the demo: every alpha, omega, mean correlation, item–rest correlation and
// alpha if dropped it shows is the item-stats export's, rounded to 3 decimals; a figure the export leaves empty is
// "not given" in words; the setting filter is the export's --setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../../server/demo/seed-demo.js'
import { sectionPageKey } from '../../../server/survey/journey-pages.js'
import type { HttpClient, Page } from '../../support/http-client.js'
import { exportCsv, staffClient, type CsvRow } from '../../support/report-expectations.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedDemo(ls.repos, ls.services)
  client = await staffClient(ls, ls.app, 'evaluator@example.org', 'evaluator', { programmes: ['demo'] })
})
afterAll(() => ls.close())

const page = (query: string) => client.get(`/programmes/demo/instrument-quality${query}`)

/** Compares one cell with the export's figure: the same to 3 decimals, or "not given" where the export has none. */
function expectCell(text: string, exported: string | undefined, what: string): boolean {
  expect(exported, what).toBeDefined()
  if (exported === '') {
    expect(text, what).toMatch(/^not given: /)
    return false
  }
  const shown = Number(text.replace('\u2212', '-'))
  expect(Math.abs(shown - Number(exported)), `${what}: ${text} for ${exported}`).toBeLessThanOrEqual(0.0005 + 1e-12)
  return true
}

function expectPageMatchesExport(p: Page, rows: CsvRow[]) {
  const $ = p.$
  let given = 0
  let items = 0
  $('table.ls-quality-scales').each((_, table) => {
    const questionnaire = $(table).attr('data-questionnaire')!
    $(table)
      .find('tbody tr')
      .each((__, tr) => {
        const scale = $(tr).attr('data-scale')!
        const row = rows.find((r) => r.questionnaire === questionnaire && r.row_type === 'scale' && r.scale === scale)
        for (const [figure, column] of [
          ['alpha', 'alpha'],
          ['omega', 'omega'],
          ['mean-r', 'mean_r'],
        ] as const) {
          if (expectCell($(tr).find(`[data-figure="${figure}"]`).text().trim(), row?.[column], `${questionnaire} ${scale} ${column}`)) given++
        }
      })
  })
  $('table.ls-quality-items').each((_, table) => {
    const questionnaire = $(table).attr('data-questionnaire')!
    $(table)
      .find('tbody tr')
      .each((__, tr) => {
        const [item, scale] = [$(tr).attr('data-item')!, $(tr).attr('data-scale')!]
        if (scale === '') return
        const row = rows.find((r) => r.questionnaire === questionnaire && r.row_type === 'item' && r.scale === scale && r.item === item)
        for (const [figure, column] of [
          ['item-rest', 'item_rest'],
          ['alpha-if-dropped', 'alpha_if_dropped'],
        ] as const) {
          if (expectCell($(tr).find(`[data-figure="${figure}"]`).text().trim(), row?.[column], `${questionnaire} ${item} in ${scale} ${column}`)) items++
        }
      })
  })
  return { given, items }
}

describe('the instrument-quality page', () => {
  it('shows the item-stats export’s figures for the demo, every setting together', async () => {
    const p = await page('?wave=six-months')
    expect(p.status).toBe(200)
    expect(p.heading).toBe('Instrument quality: Demo programme (synthetic data)')
    const { given, items } = expectPageMatchesExport(p, await exportCsv(ls, 'item-stats', '--wave', 'six-months', '--programme', 'demo'))
    expect(given).toBeGreaterThan(10)
    expect(items).toBeGreaterThan(20)
    expect(p.$('.nhsuk-inset-text').text()).toContain('choose a setting')
    expect(p.$('a:contains("Download these figures")').attr('href')).toBe('/programmes/demo/exports/item-stats.csv?wave=six-months')
  })

  it('shows one setting’s figures, the export’s with --setting, and alpha in every wave', async () => {
    const p = await page('?wave=six-months&setting=general_practice')
    const { given, items } = expectPageMatchesExport(
      p,
      await exportCsv(ls, 'item-stats', '--wave', 'six-months', '--programme', 'demo', '--setting', 'general_practice'),
    )
    expect(given).toBeGreaterThan(10)
    expect(items).toBeGreaterThan(20)
    expect(p.$('#setting option[selected]').text()).toBe('General practice')
    const across = p.$('table.ls-quality-across[data-questionnaire="normalisation"]')
    expect(
      across
        .find('thead th')
        .map((_, th) => p.$(th).text())
        .get(),
    ).toEqual(['Scale', 'Baseline survey (demo)', 'Six-month survey (demo)', 'Twelve-month survey (demo)'])
  })

  it('takes the latest wave by default and explains every flag', async () => {
    const p = await page('')
    expect(p.$('#wave option[selected]').attr('value')).toBe('twelve-months')
    expect(
      p
        .$('.nhsuk-summary-list__key')
        .map((_, dt) => p.$(dt).text())
        .get(),
    ).toEqual(['Weak link to its scale', 'Mostly not relevant', 'Floor effect', 'Ceiling effect'])
  })

  it('words each item as respondents read it, with its id for the export’s rows', async () => {
    const p = await page('')
    expect(p.$('tr[data-item="npt_coh_differentiation"] th').text().trim()).toBe(
      'I could explain to a new colleague what social prescribing offers that other support does not.npt_coh_differentiation',
    )
    expect(p.$('table.ls-quality-scales[data-questionnaire="normalisation"] tr[data-scale="coherence"]').length).toBe(1)
    expect(p.$('table.ls-quality-scales[data-questionnaire="normalisation"] tr[data-scale="coherence/differentiation"]').length).toBe(0)
    expect(p.$('#normalisation ~ p.nhsuk-body-s').first().text()).toMatch(/^Measured by one item each, so with no reliability of their own: Differentiation, /)
  })

  it('is linked from the comparison, for the wave compared', async () => {
    const compare = await client.get('/programmes/demo/compare?wave=six-months')
    expect(compare.$('a:contains("Instrument quality")').attr('href')).toBe('/programmes/demo/instrument-quality?wave=six-months')
  })

  it('answers an unknown wave with Page not found', async () => {
    expect((await page('?wave=nowhere')).status).toBe(404)
  })
})

describe('the instrument-quality page after a new response', () => {
  it('counts it: its figures are kept only until the wave changes', async () => {
    const completeCases = async () =>
      Number((await page('?wave=six-months')).$('table.ls-quality-scales[data-questionnaire="normalisation"] tr[data-scale="coherence"] td').eq(1).text())
    const before = await completeCases()
    const wave = await ls.services.admin.wave('demo', 'six-months')
    const practice = (await ls.repos.practices.listByProgramme(wave.programmeId))[0]!
    const at = '2026-07-20T10:00:00.000Z'
    const r = await ls.repos.responses.create({
      invitationId: null,
      practiceId: practice.id,
      waveId: wave.id,
      resumeToken: 'quality-new'.padEnd(24, 'x'),
      source: 'synthetic',
      role: 'gp',
      setting: 'general_practice',
      at,
    })
    const q = ls.services.catalogue.get('normalisation')
    for (const section of q.sections) {
      const items = section.items.filter((i) => i.type === 'likert5')
      await ls.repos.responses.savePage({
        responseId: r.id,
        pageKey: sectionPageKey('normalisation', section.id),
        questionnaireId: 'normalisation',
        questionnaireVersion: q.version,
        itemIds: items.map((i) => i.id),
        answers: items.map((i) => ({ itemId: i.id, value: '3' })),
        complete: true,
        at,
      })
    }
    await ls.repos.responses.submit(r.id, at)
    expect(await completeCases()).toBe(before + 1)
  })
})
