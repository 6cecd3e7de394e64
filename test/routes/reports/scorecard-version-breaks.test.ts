// The scorecard where the previous wave was answered in another version of a questionnaire: the change compares the
// statements both versions ask and says which it leaves out, and the trajectory's line breaks between the versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HttpClient, Page } from '../../support/http-client.js'
import { seedExportFixture } from '../../support/export-fixture.js'
import { staffClient } from '../../support/report-expectations.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient
beforeAll(async () => {
  ls = await testLinkscore()
  await seedExportFixture(ls, { sixMonthsVersion: 2 })
  client = await staffClient(ls, ls.app, 'eva@example.org', 'evaluator', { programmes: ['north'] })
})
afterAll(() => ls.close())

const sentences = (page: Page, within: string) =>
  page
    .$(`${within} .ls-version-break`)
    .toArray()
    .map((p) => page.$(p).text())

describe('a scorecard whose change spans two questionnaire versions', () => {
  it('says under the change which statements it compares and which it leaves out', async () => {
    const page = await client.get('/programmes/north/practices/N1')
    expect(page.status).toBe(200)
    expect(sentences(page, 'section[aria-labelledby="pilot-heading"]')).toEqual([
      'Pilot changed from version 1 to version 2 between Baseline and Six months: the change compares only the 3 statements both versions ask; 2 are left out: “Colleagues show me how social prescribing works” and “I get regular supervision”.',
    ])
  })

  it('breaks the trajectory line between the versions, and its table and chart say each wave’s version', async () => {
    const page = await client.get('/programmes/north/practices/N1')
    expect(sentences(page, '.ls-trajectory')).toEqual([
      "Pilot changed from version 1 to version 2 between Baseline and Six months, so the line breaks there; the table gives each wave's version.",
    ])
    const waves = page
      .$('#trajectory-pilot-table thead tr')
      .first()
      .find('th')
      .toArray()
      .map((th) => page.$(th).text())
    expect(waves).toEqual(['Baseline (version 1)', 'Six months (version 2)'])
    const chart = JSON.parse(page.$('.ls-trajectory script[type="application/json"]').text()) as { labels: string[]; breaksAfter: number[] }
    expect([chart.labels, chart.breaksAfter]).toEqual([['Baseline (version 1)', 'Six months (version 2)'], [0]])
  })

  it('says the same in Dutch', async () => {
    const dutch = await staffClient(ls, ls.app, 'nl@example.org', 'evaluator', { programmes: ['north'] })
    await dutch.get('/language?to=nl&next=%2Fprogrammes%2Fnorth%2Fpractices%2FN1')
    const page = await dutch.get('/programmes/north/practices/N1')
    expect(sentences(page, 'section[aria-labelledby="pilot-heading"]')).toEqual([
      'Pilot is tussen Baseline en Six months veranderd van versie 1 naar versie 2: de verandering vergelijkt alleen de 3 stellingen die beide versies vragen; 2 stellingen blijven buiten beschouwing: ‘Colleagues show me how social prescribing works’ en ‘I get regular supervision’.',
    ])
  })

  it('says nothing of versions when both waves were answered in the same one', async () => {
    const same = await testLinkscore()
    try {
      await seedExportFixture(same)
      const eva = await staffClient(same, same.app, 'eva@example.org', 'evaluator', { programmes: ['north'] })
      const page = await eva.get('/programmes/north/practices/N1')
      expect(page.$('.ls-version-break')).toHaveLength(0)
      expect(page.$('#trajectory-pilot-table thead tr').first().find('th').first().text()).toBe('Baseline')
    } finally {
      await same.close()
    }
  })
})
