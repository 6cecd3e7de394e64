// "Compare waves" over HTTP: each group's mean of its practices' overall and top-level scores at each wave, worked out
// here from the CLI's scores exports; groups of fewer than two practices with scores withheld; the stage per wave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HttpClient, Page } from '../../support/http-client.js'
import { exportCsv, scaleNames, score, staffClient, tableRows, type CsvRow } from '../../support/report-expectations.js'
import { REPORT_PRACTICES, seedReportFixture } from '../../support/report-fixture.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient
const WAVES = ['baseline', 'follow-up']
const scores = new Map<string, CsvRow[]>()

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedReportFixture(ls)
  client = await staffClient(ls, ls.app, 'evaluator@example.org', 'evaluator', { programmes: ['north'] })
  for (const wave of WAVES) scores.set(wave, await exportCsv(ls, 'scores', '--wave', wave, '--programme', 'north'))
  // Stages: Alder embedding at both waves, Birch piloting then embedding, Elm embedding at the follow-up only.
  const programme = (await ls.repos.programmes.findBySlug('north'))!
  const id = async (code: string) => (await ls.repos.practices.findByCode(code))!.id
  const wave = async (slug: string) => (await ls.repos.waves.findBySlug(programme.id, slug))!.id
  for (const [code, slug, stage] of [
    ['N1', 'baseline', 'embedding'],
    ['N1', 'follow-up', 'embedding'],
    ['N2', 'baseline', 'piloting'],
    ['N2', 'follow-up', 'embedding'],
    ['N5', 'follow-up', 'embedding'],
  ] as const)
    await ls.repos.practices.setStage(await id(code), await wave(slug), stage)
})
afterAll(() => ls.close())

const page = (query = '') => client.get(`/programmes/north/compare-waves${query}`)
const topLevel = (questionnaire: string) => [...scaleNames(ls, questionnaire)].filter(([path]) => !path.includes('/'))

/** A practice's score at a wave from the export: on one top-level scale, or (scale null) overall, the mean of those; null when withheld. */
function practiceScore(wave: string, code: string, questionnaire: string, scale: string | null): number | null {
  const rows = scores.get(wave)!
  const of = (path: string) => {
    const row = rows.find((r) => r.practice_code === code && r.questionnaire === questionnaire && r.scale === path)
    return !row || row.withheld === 'true' ? null : Number(row.score)
  }
  if (scale !== null) return of(scale)
  const top = topLevel(questionnaire).map(([path]) => of(path))
  return top.some((x) => x === null) ? null : top.reduce((sum, x) => sum! + x!, 0)! / top.length
}

/** The table's rows as the page should give them: per group, per wave, the mean and n of its practices with a score. */
function expected(questionnaire: string, scale: string | null, groups: [label: string, members: (wave: string) => string[]][]): string[][] {
  return groups.map(([label, members]) => [
    label,
    ...WAVES.map((wave) => {
      const shown = members(wave)
        .map((code) => practiceScore(wave, code, questionnaire, scale))
        .filter((x): x is number => x !== null)
      const n = `(${shown.length} practice${shown.length === 1 ? '' : 's'})`
      return shown.length < 2 ? `Fewer than 2 practices ${n}` : `${score(shown.reduce((a, b) => a + b, 0) / shown.length)} ${n}`
    }),
  ])
}
const mainTable = (p: Page) => p.$('.ls-compare-waves-table')
const codesWhere = (keep: (p: (typeof REPORT_PRACTICES)[number]) => boolean) => () => REPORT_PRACTICES.filter(keep).map((p) => p.code)

describe('compare waves', () => {
  it('groups the practices by deprivation quintile by default, the first scored questionnaire, waves with responses only', async () => {
    const p = await page()
    expect(p.status).toBe(200)
    expect(p.$('h1').text()).toBe('Compare waves: North PCN')
    expect(p.$('#questionnaire option[selected]').attr('value')).toBe('normalisation')
    expect(p.$('#context option[selected]').attr('value')).toBe('deprivation')
    expect(
      mainTable(p)
        .find('thead th')
        .map((_, th) => p.$(th).text())
        .get(),
    ).toEqual(['Deprivation quintile', 'Baseline survey', 'Follow-up survey'])
    expect(tableRows(p.$, mainTable(p))).toEqual(
      expected('normalisation', null, [
        ['1 (most deprived)', codesWhere((x) => x.deprivationQuintile === 1)],
        ['2', codesWhere((x) => x.deprivationQuintile === 2)],
        ['3', codesWhere((x) => x.deprivationQuintile === 3)],
        ['5 (least deprived)', codesWhere((x) => x.deprivationQuintile === 5)],
      ]),
    )
  })

  it('gives each urban or rural group the unweighted mean of its practices’ scores, overall and on each top-level scale', async () => {
    const p = await page('?questionnaire=good-practice&context=rurality')
    const groups: [string, () => string[]][] = [
      ['Urban', codesWhere((x) => x.rurality === 'urban')],
      ['Rural', codesWhere((x) => x.rurality === 'rural')],
    ]
    const rows = tableRows(p.$, mainTable(p))
    expect(rows).toEqual(expected('good-practice', null, groups))
    // Exact figures for one cell, worked out by hand from the export: the follow-up's urban practices with scores are
    // Alder and Elm (Cedar has two respondents), the rural only Birch (Damson has none), so withheld.
    const alder = practiceScore('follow-up', 'N1', 'good-practice', null)!
    const elm = practiceScore('follow-up', 'N5', 'good-practice', null)!
    expect(rows[0]![2]).toBe(`${score((alder + elm) / 2)} (2 practices)`)
    expect(rows[1]![2]).toBe('Fewer than 2 practices (1 practice)')
    const scaleTables = p.$('.ls-compare-waves-scale')
    expect(scaleTables).toHaveLength(topLevel('good-practice').length)
    topLevel('good-practice').forEach(([path, name], i) => {
      expect(scaleTables.eq(i).find('caption').text()).toBe(`${name}: mean score by group at each survey (0 to 100)`)
      expect(tableRows(p.$, scaleTables.eq(i))).toEqual(expected('good-practice', path, groups))
    })
    const chart = JSON.parse(p.$('#chart-compare-waves-data').text())
    expect(chart).toMatchObject({ type: 'line', labels: ['Baseline survey', 'Follow-up survey'], min: 0, max: 100 })
    expect(chart.series.map((s: { label: string }) => s.label)).toEqual(['Urban', 'Rural'])
    // A withheld group's figure never reaches the page's data either.
    expect(chart.series[1].values[1]).toBeNull()
    expect(chart.series[0].values[1]).toBe(Number(score((alder + elm) / 2)))
  })

  it('puts practices with no model in "Not recorded", and groups by the stage recorded at each wave', async () => {
    const byModel = await page('?context=model')
    expect(tableRows(byModel.$, mainTable(byModel)).map((r) => r[0])).toEqual(['Employed by the network', 'Voluntary sector partner', 'Not recorded'])
    const byStage = await page('?context=stage')
    expect(byStage.$('.nhsuk-inset-text').text()).toContain('the one recorded for each survey')
    const stageAt: Record<string, Record<string, string>> = {
      baseline: { N1: 'embedding', N2: 'piloting' },
      'follow-up': { N1: 'embedding', N2: 'embedding', N5: 'embedding' },
    }
    const inStage = (stage: string | undefined) => (wave: string) => REPORT_PRACTICES.map((x) => x.code).filter((c) => stageAt[wave]![c] === stage)
    expect(tableRows(byStage.$, mainTable(byStage))).toEqual(
      expected('normalisation', null, [
        ['Piloting', inStage('piloting')],
        ['Embedding', inStage('embedding')],
        ['Not recorded', inStage(undefined)],
      ]),
    )
  })

  it('falls back to the defaults for choices it does not know, keeps the form a GET form, and is linked from the comparison', async () => {
    const p = await page('?questionnaire=nope&context=sideways')
    expect(p.status).toBe(200)
    expect(p.$('#questionnaire option[selected]').attr('value')).toBe('normalisation')
    expect(p.$('form.ls-filter-form').attr('method')).toBe('get')
    const compare = await client.get('/programmes/north/compare')
    expect(compare.$('a[href="/programmes/north/compare-waves"]').text()).toContain('Compare waves')
  })
})
