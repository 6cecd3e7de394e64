// The practice scorecard over HTTP, checked figure by figure against the CLI's exports of the same database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allItems, allScales, fillIntervention } from '../../../server/questionnaires/questionnaire-model.js'
import type { HttpClient, Page } from '../../support/http-client.js'
import {
  change,
  coefficient,
  exportCsv,
  mean10,
  scaleNames,
  score,
  score100,
  shownName,
  staffClient,
  tableRows,
  type CsvRow,
} from '../../support/report-expectations.js'
import { changeAnswers, seedReportFixture, UNSAFE_TEXT, UNSUBMITTED_TEXT } from '../../support/report-fixture.js'
import { english } from '../../../server/i18n/translate.js'
import { ROLES, SETTING_LABELS, roleLabel } from '../../../server/survey/roles.js'
import { answerVersion2, seedExportFixture } from '../../support/export-fixture.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient
let scores: CsvRow[]
let stats: CsvRow[]
let changes: CsvRow[]
const SCORED = ['normalisation', 'good-practice']

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedReportFixture(ls)
  client = await staffClient(ls, ls.app, 'eva@example.org', 'evaluator', { programmes: ['north'] })
  scores = await exportCsv(ls, 'scores', '--wave', 'follow-up', '--programme', 'north')
  stats = await exportCsv(ls, 'scale-stats', '--wave', 'follow-up', '--programme', 'north')
  changes = await exportCsv(ls, 'change', '--from', 'baseline', '--to', 'follow-up', '--programme', 'north')
})
afterAll(() => ls.close())

const scorecard = (code: string, query = '') => client.get(`/programmes/north/practices/${code}${query}`)
const section = (page: Page, questionnaire: string) => page.$(`section[aria-labelledby="${questionnaire}-heading"]`)
const find = (rows: CsvRow[], match: Partial<CsvRow>) => {
  const found = rows.find((r) => Object.entries(match).every(([k, v]) => r[k] === v))
  if (!found) throw new Error(`no export row ${JSON.stringify(match)}`)
  return found
}
const flagFor = (c: CsvRow) =>
  c.changed === '' ? 'not tested' : c.changed === 'true' ? (Number(c.difference) > 0 ? 'significant rise' : 'significant fall') : 'not significant'

const WIDER_THAN_SCALE = 'Too uncertain'
const WIDER_THAN_SCALE_NOTE = '"Too uncertain": too few people answered to estimate this; the 95% CI would be wider than the whole scale, from 0 to 100.'
const CLIPPED_NOTE = 'A 95% CI that would run below 0 or above 100 is shown stopping at the end of the scale, since no score can lie beyond it.'
/** The CI cell as the scores export gives it: its (clipped) ends on 0–100, or the words for its `ci_note`. */
const ciCell = (s: CsvRow) =>
  s.ci_note === 'wider_than_scale'
    ? WIDER_THAN_SCALE
    : s.ci_note === 'one_response'
      ? 'Not available (one response)'
      : s.ci_note === 'no_variance'
        ? 'No variation'
        : `${score100(s.ci_low!)}\u2013${score100(s.ci_high!)}`

describe('the scorecard of a practice with enough responses', () => {
  it('opens on the latest survey with responses, offering every survey', async () => {
    const page = await scorecard('N1')
    expect(page.status).toBe(200)
    expect(page.heading).toBe('Alder Surgery')
    expect(page.$('.ls-report-wave').text()).toBe('Survey: Follow-up survey Change is since Baseline survey.')
    expect(
      page
        .$('#wave option')
        .map((_, o) => `${page.$(o).attr('value')}: ${page.$(o).text()}${page.$(o).attr('selected') !== undefined ? ' (selected)' : ''}`)
        .get(),
    ).toEqual(['year-two: Year two survey (no responses yet)', 'follow-up: Follow-up survey (selected)', 'baseline: Baseline survey'])
  })

  it.each(SCORED)('shows every %s figure as the scores, scale-stats and change exports give it, rounded', async (questionnaire) => {
    const page = await scorecard('N1')
    const expected = [...scaleNames(ls, questionnaire)].map(([path, name]) => {
      const s = find(scores, { practice_code: 'N1', questionnaire, scale: path })
      const st = find(stats, { questionnaire, scale: path })
      const c = find(changes, { practice_code: 'N1', questionnaire, scale: path })
      expect(s.withheld).toBe('false')
      // Agreement is flagged beside the name only where it changes the reading: rwg of 0.50 or less.
      const wide = Number(s.rwg) <= 0.5
      return [
        `${name}${wide ? ' ! Views differ widely' : ''}`,
        score(s.score!),
        s.band!,
        score(st.median!),
        score(st.best!),
        score(st.worst!),
        `${change(c.difference!)}, ${flagFor(c)}`,
      ]
    })
    expect(tableRows(page.$, section(page, questionnaire).find('.ls-scale-table'))).toEqual(expected)
    expect(section(page, questionnaire).find('.ls-scale-table thead th').last().text()).toBe('Change since Baseline survey')
  })

  it.each(SCORED)('gives every %s statistic that needs explaining in the details, as the exports give it', async (questionnaire) => {
    const page = await scorecard('N1')
    const expected = [...scaleNames(ls, questionnaire)].map(([path, name]) => {
      const s = find(scores, { practice_code: 'N1', questionnaire, scale: path })
      const c = find(changes, { practice_code: 'N1', questionnaire, scale: path })
      const wide = Number(s.rwg) <= 0.5
      const p = c.p_value === '' ? 'Not tested' : Number(c.p_value) < 0.001 ? 'below 0.001' : Number(c.p_value).toFixed(3)
      return [name, s.n!, ciCell(s), `${coefficient(s.rwg!)}${wide ? ': views differ widely' : ''}`, p]
    })
    expect(tableRows(page.$, page.$(`#statistics #details-${questionnaire}`))).toEqual(expected)
    expect(
      page
        .$('#statistics .nhsuk-details__text > p')
        .map((_, p) => page.$(p).text())
        .get(),
    ).toEqual([
      "Range (95% CI): where the practice's score would probably lie if everyone had answered; a wide range means few answers.",
      'Agreement (rwg): from 0 to 1, how closely the people who answered agree with each other; 0.50 or less means views differ widely.',
      'Chance (p): how often a change this size would happen by chance alone; below 0.05 counts as more than chance.',
    ])
  })

  it.each(SCORED)('answers first how the practice is doing in each %s area and which way it moved, in words', async (questionnaire) => {
    const page = await scorecard('N1')
    const top = [...ls.services.catalogue.get(questionnaire).scoring!.scales]
    const expected = top.map((node) => {
      const s = find(scores, { practice_code: 'N1', questionnaire, scale: node.id })
      const c = find(changes, { practice_code: 'N1', questionnaire, scale: node.id })
      const size = Math.round(Math.abs(Number(c.difference)) * 25)
      const why = c.changed === '' ? 'too few answers to test' : c.changed === 'true' ? 'more than chance' : 'could be chance'
      const moved = size === 0 ? 'No change' : `${Number(c.difference) > 0 ? 'Up' : 'Down'} ${size} point${size === 1 ? '' : 's'}, ${why}`
      return [`${node.plainName} (${node.name.toLowerCase()})`, score(s.score!), s.band!, moved]
    })
    expect(tableRows(page.$, page.$(`#summary-${questionnaire}`))).toEqual(expected)
    expect(
      page
        .$(`#summary-${questionnaire} thead th`)
        .map((_, th) => page.$(th).text())
        .get(),
    ).toEqual(['Area', 'Score', 'How far along', 'Change'])
  })

  it.each(SCORED)('gives the %s bands at a glance, and charts exactly the figures of the table beside the chart', async (questionnaire) => {
    const page = await scorecard('N1')
    const top = [...scaleNames(ls, questionnaire)].filter(([path]) => !path.includes('/'))
    const glance = page.$(`#chart-${questionnaire}`).parent()
    expect(tableRows(page.$, glance.find('table'))).toEqual(
      top.map(([path, name]) => {
        const s = find(scores, { practice_code: 'N1', questionnaire, scale: path })
        return [name, score(s.score!), score(find(stats, { questionnaire, scale: path }).median!)]
      }),
    )
    const canvas = page.$(`#chart-${questionnaire} canvas`)
    expect(canvas.attr('role')).toBe('img')
    expect(canvas.attr('aria-label')).toMatch(
      /^Bar chart of the practice's .* score in each (construct|dimension), 0 to 100, beside the median of the programme's practices\./,
    )
    // Bars across with the plain names down the side: the table beside the chart has the theory's names too.
    const plain = new Map(ls.services.catalogue.get(questionnaire).scoring!.scales.map((node) => [node.id, node.plainName ?? node.name]))
    expect(JSON.parse(page.$(`#chart-${questionnaire}-data`).text())).toEqual({
      type: 'hbar',
      labels: top.map(([path]) => plain.get(path)),
      series: [
        {
          label: 'Alder Surgery',
          values: top.map(([path]) => Number(score(find(scores, { practice_code: 'N1', questionnaire, scale: path }).score!))),
          style: 'filled',
        },
        { label: 'Programme median', values: top.map(([path]) => Number(score(find(stats, { questionnaire, scale: path }).median!))), style: 'outlined' },
      ],
      min: 0,
      max: 100,
    })
  })

  it('says, right after the summary, that the questionnaires are not yet validated, with a link to how the figures are made', async () => {
    const page = await scorecard('N1')
    const intro = page.$('.ls-summary').next('p')
    expect(intro.hasClass('ls-report-intro')).toBe(true)
    expect(intro.text().replace(/\s+/g, ' ')).toBe(
      "Neither questionnaire has yet been tested as a validated scale: read the scores as a starting point for the practice's own conversation, not as a test result. About the figures",
    )
    expect(intro.find('a').attr('href')).toBe('#about-the-figures')
    expect(
      page
        .$('#about-the-figures p strong')
        .map((_, b) => page.$(b).text())
        .get(),
    ).toContain('Not yet validated')
  })

  it('lists the three highest and three lowest elements and sub-constructs, with their guidance', async () => {
    const page = await scorecard('N1')
    for (const questionnaire of SCORED) {
      const leaves = allScales(ls.services.catalogue.get(questionnaire)).filter((s) => s.path.length === 2)
      const ranked = leaves.map((s, order) => ({ s, order, row: find(scores, { practice_code: 'N1', questionnaire, scale: s.path.join('/') }) }))
      const highest = [...ranked].sort((a, b) => Number(b.row.score) - Number(a.row.score) || a.order - b.order).slice(0, 3)
      const lowest = [...ranked].sort((a, b) => Number(a.row.score) - Number(b.row.score) || a.order - b.order).slice(0, 3)
      const items = (n: number) =>
        section(page, questionnaire)
          .find('.ls-highlight-list')
          .eq(n)
          .find('li')
          .map((_, li) => page.$(li).text().replace(/\s+/g, ' ').trim())
          .get()
      const described = (x: (typeof ranked)[number], prefix: string) =>
        `${shownName(x.s.node)}: ${score(x.row.score!)} ${x.row.band} ${prefix}${fillIntervention(x.s.node.guidance!, 'social prescribing').replace(/\s+/g, ' ')}`
      expect(items(0)).toEqual(highest.map((x) => described(x, '')))
      expect(items(1)).toEqual(lowest.map((x) => described(x, 'What good looks like: ')))
      // The first screen has the same priorities, each offering to record the steering group's action for it.
      const first = page
        .$(`#priorities-${questionnaire}`)
        .next('ol')
        .find('li')
        .map((_, li) => page.$(li).text().replace(/\s+/g, ' ').trim())
        .get()
      expect(first).toEqual(
        lowest.map((x) => `${shownName(x.s.node)}: ${score(x.row.score!)} · Record an action for ${shownName(x.s.node)} No action agreed yet.`),
      )
    }
  })

  it("gives the three 0–10 questions' means from the scoring service", async () => {
    const page = await scorecard('N1')
    const programme = (await ls.repos.programmes.findBySlug('north'))!
    const wave = (await ls.repos.waves.findBySlug(programme.id, 'follow-up'))!
    const general = (await ls.services.scoring.scoreWave(programme, wave, 'respondents')).flatMap((s) => s.general).filter((g) => g.practiceCode === 'N1')
    const items = allItems(ls.services.catalogue.get('normalisation')).filter((i) => i.type === 'scale0to10')
    expect(general).toHaveLength(3)
    expect(tableRows(page.$, page.$('section[aria-labelledby="general-heading"] table'))).toEqual(
      items.map((item) => {
        const g = general.find((r) => r.item === item.id)!
        if (g.withheld || item.type !== 'scale0to10') throw new Error('expected a shown 0–10 item')
        return [`${fillIntervention(item.text, 'social prescribing')} (0 = ${item.labels.min}, 10 = ${item.labels.max})`, mean10(g.mean), String(g.n)]
      }),
    )
  })

  it('counts responses by setting, withholding the small community group and, so it cannot be subtracted out, the link workers', async () => {
    const page = await scorecard('N1')
    expect(tableRows(page.$, page.$('section[aria-labelledby="responses-heading"] table'))).toEqual([
      ['General practice', '7', '50% (4 of 8 invitations)'],
      ['Link workers', 'Withheld', 'Withheld'],
      ['Community sector', 'Withheld', 'Not known: no invitations named a role in this setting'],
      ['All settings', '14', '50% (10 of 20 invitations)'],
    ])
    expect(page.$('section[aria-labelledby="responses-heading"] .ls-note').text()).toContain(
      "Responses through the practice's open link count as responses but not in the rate",
    )
  })

  it('shows submitted free text only, escaped, sorted and without roles', async () => {
    const page = await scorecard('N1')
    const answers = page
      .$('.ls-text-answers')
      .map((_, ul) => [
        page
          .$(ul)
          .find('li')
          .map((_, li) => page.$(li).text())
          .get(),
      ])
      .get() as string[][]
    expect(
      page
        .$('.ls-free-text h3')
        .map((_, h) => page.$(h).text())
        .get(),
    ).toEqual([
      // The context questionnaire's question too: every free-text question of the wave, scored questionnaire or not.
      'If you could change one thing about social prescribing here, what would it be?',
      'What most helps social prescribing become part of everyday work here?',
      'What most gets in the way of social prescribing becoming part of everyday work here?',
    ])
    expect(answers).toHaveLength(3)
    expect(answers[2]).toContain(UNSAFE_TEXT)
    for (const list of answers) expect(list).toEqual([...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(
      page
        .$('script')
        .map((_, s) => page.$(s).attr('src') ?? page.$(s).attr('type'))
        .get(),
    ).toEqual(['/static/js/init.js', '/vendor/chart.js/chart.umd.min.js', '/static/js/report-charts.js', ...Array(4).fill('application/json')])
    expect(page.$.html()).not.toContain(UNSUBMITTED_TEXT)
    const labels = [...ROLES.map((r) => roleLabel(r, english)), ...Object.values(SETTING_LABELS)]
    expect(labels.filter((label) => page.$('.ls-free-text').text().includes(label))).toEqual([])
    expect(page.$('.ls-text-answers li *')).toHaveLength(0)
  })

  it('has no change column for the first survey, and answers an unknown survey or another programme\'s practice with "Page not found"', async () => {
    const page = await scorecard('N1', '?wave=baseline')
    expect(page.$('.ls-report-wave').text()).toBe('Survey: Baseline survey')
    expect(page.$('.ls-scale-table thead th').last().text()).toBe('Worst')
    expect(page.$('.ls-summary-table thead th').last().text()).toBe('How far along')
    expect(page.$('#statistics thead th').last().text()).toBe('Agreement (rwg)')
    expect((await scorecard('N1', '?wave=nope')).status).toBe(404)
    expect((await scorecard('S1')).status).toBe(404)
  })
})

describe('the 95% CI of a practice with three responses', () => {
  it('is clipped at the end of the scale, or replaced by the reason where it would be wider than the scale, as the scores export gives it', async () => {
    const baseline = await exportCsv(ls, 'scores', '--wave', 'baseline', '--programme', 'north')
    const n3 = baseline.filter((r) => r.practice_code === 'N3' && r.withheld === 'false')
    // The export leaves a withheld interval's cells empty and says why; a clipped one stops at 1 (0) or 5 (100).
    const wide = n3.filter((r) => r.ci_note === 'wider_than_scale')
    const clipped = n3.filter((r) => r.ci_note === 'clipped')
    expect(wide.length).toBeGreaterThan(0)
    expect(clipped.length).toBeGreaterThan(0)
    for (const r of wide) expect([r.ci_low, r.ci_high]).toEqual(['', ''])
    for (const r of clipped) expect([r.ci_low, r.ci_high].some((x) => x === '1' || x === '5')).toBe(true)
    for (const r of baseline) {
      if (r.ci_low !== '') expect(Number(r.ci_low)).toBeGreaterThanOrEqual(1)
      if (r.ci_high !== '') expect(Number(r.ci_high)).toBeLessThanOrEqual(5)
    }

    const page = await scorecard('N3', '?wave=baseline')
    for (const questionnaire of SCORED) {
      const ciOnPage = new Map(tableRows(page.$, page.$(`#details-${questionnaire}`)).map((row) => [row[0], row[2]]))
      const shown = [...scaleNames(ls, questionnaire)].filter(([path]) => n3.some((r) => r.questionnaire === questionnaire && r.scale === path))
      expect(shown.map(([, name]) => [name, ciOnPage.get(name)])).toEqual(shown.map(([path, name]) => [name, ciCell(find(n3, { questionnaire, scale: path }))]))
    }
    expect(page.$('main').text()).toContain(WIDER_THAN_SCALE_NOTE)
    expect(page.$('main').text()).toContain(CLIPPED_NOTE)
    const ranges = page
      .$('#statistics tbody tr')
      .map((_, tr) => page.$(tr).find('td').eq(1).text())
      .get()
      .filter((text) => /^\d+\u2013\d+$/.test(text))
    expect(ranges.length).toBeGreaterThan(0)
    for (const range of ranges)
      expect(
        range
          .split('\u2013')
          .map(Number)
          .every((x) => x >= 0 && x <= 100),
        range,
      ).toBe(true)
  })

  it('says nothing of clipping where no interval was clipped', async () => {
    const page = await scorecard('N5')
    expect(scores.filter((r) => r.practice_code === 'N5').some((r) => r.ci_note === 'clipped')).toBe(false)
    expect(page.$('main').text()).not.toContain(CLIPPED_NOTE)
  })
})

describe('the scorecard of a practice below the minimum', () => {
  it('says "Fewer than 3 responses" instead of every figure, in the tables and the chart data', async () => {
    const page = await scorecard('N3')
    for (const questionnaire of SCORED) {
      const rows = tableRows(page.$, section(page, questionnaire).find('.ls-scale-table'))
      for (const row of rows) expect([row[1], row.at(-1)]).toEqual(['Fewer than 3 responses', 'Fewer than 3 responses in a wave'])
      expect(JSON.parse(page.$(`#chart-${questionnaire}-data`).text()).series[0].values).toEqual([null, null, null, null])
      expect(
        section(page, questionnaire)
          .find('.ls-highlights p')
          .map((_, p) => page.$(p).text())
          .get(),
      ).toEqual(['None shown: fewer than 3 responses.', 'None shown: fewer than 3 responses.'])
    }
    expect(tableRows(page.$, page.$('section[aria-labelledby="general-heading"] table')).map((r) => r[1])).toEqual([
      'Fewer than 3 responses',
      'Fewer than 3 responses',
      'Fewer than 3 responses',
    ])
    expect(tableRows(page.$, page.$('section[aria-labelledby="responses-heading"] table'))).toEqual([
      ['General practice', 'Withheld', 'Not known: no invitations named a role in this setting'],
      ['Link workers', 'Withheld', 'Not known: no invitations named a role in this setting'],
      ['Community sector', 'Withheld', 'Not known: no invitations named a role in this setting'],
      ['All settings', 'Fewer than 3 responses', 'Not known: no invitations, open link only'],
    ])
    expect(page.$('.ls-free-text').text()).toContain('Not shown: fewer than 3 responses from this practice.')
    expect(page.$('.ls-text-answers')).toHaveLength(0)
  })

  it("does not depend on the withheld practice's answers: changing them changes nothing on any scorecard", async () => {
    const before = { n3: (await scorecard('N3')).$.html(), n1: (await scorecard('N1')).$.html() }
    const n3 = (await ls.repos.practices.findByCode('N3'))!
    const responses = (
      await ls.db
        .selectFrom('response as r')
        .innerJoin('wave as w', 'w.id', 'r.wave_id')
        .select('r.id')
        .where('r.practice_id', '=', n3.id)
        .where('w.slug', '=', 'follow-up')
        .orderBy('r.id')
        .execute()
    ).map((r) => r.id)
    expect(await changeAnswers(ls, responses)).toBeGreaterThan(40)
    expect((await scorecard('N3')).$.html()).toBe(before.n3)
    expect((await scorecard('N1')).$.html()).toBe(before.n1)
  })
})

describe("the programme's own threshold", () => {
  it('is the number in the words', async () => {
    const own = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    try {
      await seedReportFixture(own)
      await own.db.updateTable('programme').set({ min_practice_n: 4 }).where('slug', '=', 'north').execute()
      const admin = await staffClient(own, own.app, 'admin@example.org', 'admin')
      const page = await admin.get('/programmes/north/practices/N3?wave=baseline')
      expect(page.$('.ls-report-intro').text()).toContain(
        'Figures based on fewer than 4 people are never shown: the page says "Fewer than 4 responses" instead.',
      )
      expect(tableRows(page.$, section(page, 'good-practice').find('.ls-scale-table'))[0]![1]).toBe('Fewer than 4 responses')
    } finally {
      await own.close()
    }
  })
})

describe('a wave with answers to two versions of a questionnaire', () => {
  it("explains that its scores cannot be shown (409), and leaves the change out of the next wave's scorecard", async () => {
    const other = await testLinkscore()
    try {
      await seedExportFixture(other)
      await answerVersion2(other, true)
      const admin = await staffClient(other, other.app, 'admin@example.org', 'admin')
      const problem =
        'Wave "baseline" has answers to versions 1 and 2 of "pilot"; scores need answers to one version, so none are computed. The answers and responses exports still hold every answer with its version.'
      for (const path of ['/programmes/north/practices/N1?wave=baseline', '/programmes/north/compare?wave=baseline']) {
        const page = await admin.get(path)
        expect([page.status, page.heading, page.$('main p').first().text()]).toEqual([409, 'These scores cannot be shown', problem])
      }
      const later = await admin.get('/programmes/north/practices/N1')
      expect(later.status).toBe(200)
      expect(later.$('.nhsuk-inset-text').text().trim()).toBe(`The change since Baseline is not shown. ${problem}`)
      expect(later.$('.ls-scale-table thead th').last().text()).toBe('Worst')
    } finally {
      await other.close()
    }
  })
})
