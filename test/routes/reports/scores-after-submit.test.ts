// Scores are kept between requests (server/services/score-cache.ts) and scored again when a response is sent: after a
// respondent submits through the real journey, the scorecard and the scores download show the new response, and the
// download is byte for byte what a process that kept nothing (the command line) exports.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { walkJourney } from '../../support/journey-walker.js'
import { scaleNames, score, staffClient, tableRows, type CsvRow } from '../../support/report-expectations.js'
import { seedReportFixture } from '../../support/report-fixture.js'
import { runCli } from '../../support/run-cli.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let evaluator: HttpClient
beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedReportFixture(ls)
  evaluator = await staffClient(ls, ls.app, 'eva@example.org', 'evaluator', { programmes: ['north'] })
})
afterAll(() => ls.close())

const SCORED = ['normalisation', 'good-practice']
const scorecard = () => evaluator.get('/programmes/north/practices/N3')
const download = async () => (await evaluator.download('/programmes/north/exports/scores.csv?wave=follow-up')).text
const changeDownload = async () => (await evaluator.download('/programmes/north/exports/change.csv?from=baseline&to=follow-up')).text
const uncached = async (args = ['scores', '--wave', 'follow-up']) => {
  const result = await runCli(['export', ...args, '--programme', 'north'], {
    ...ls.databaseEnv,
    LINKSCORE_QUESTIONNAIRES: REAL_QUESTIONNAIRES,
  })
  expect(result.stderr).toBe('')
  return result.stdout
}
const scaleTables = (page: Page) => SCORED.map((q) => tableRows(page.$, page.$(`section[aria-labelledby="${q}-heading"] .ls-scale-table`)))
const cedar = (csv: string) => (parse(csv, { columns: true }) as CsvRow[]).filter((r) => r.practice_code === 'N3')
const UNCACHED_CHANGE = ['change', '--from', 'baseline', '--to', 'follow-up']
/** The submitted responses of each wave of the programme, as the scorecard's list of waves counts them (kept like scores). */
const submittedByWave = async () =>
  (await ls.services.reports.scorecard((await ls.repos.programmes.findBySlug('north'))!, (await ls.repos.practices.findByCode('N3'))!)).waves.map(
    (w) => `${w.wave.slug} ${w.submitted}`,
  )
/** Cedar Health's change in overall score since the baseline, per scored questionnaire, as the comparison shows it. */
const cedarOverallChange = async () => {
  const programme = (await ls.repos.programmes.findBySlug('north'))!
  const [baseline, followUp] = await ls.repos.waves.listByProgramme(programme.id)
  const changes = (await ls.services.scoring.overallChanges(programme, [baseline!], followUp!)).get(baseline!.id)!.byQuestionnaire
  return SCORED.map((q) => changes.get(q)!.find((row) => row.practiceCode === 'N3'))
}

describe('scores after a response is sent', () => {
  it('are read once while nothing changes, then scored again: the scorecard and the download show the new response', async () => {
    const reads = vi.spyOn(ls.repos.scoring, 'answeredResponses')
    const before = { page: await scorecard(), scores: await download(), change: await changeDownload(), overall: await cedarOverallChange() }
    const counted = await submittedByWave()
    expect(counted.slice(0, 2)).toEqual(['baseline 22', 'follow-up 32'])
    expect(before.scores).toBe(await uncached())
    expect(before.change).toBe(await uncached(UNCACHED_CHANGE))
    // Two follow-up responses: no change is given for Cedar Health, on any scale or overall.
    expect(cedar(before.change).every((r) => r.withheld === 'true')).toBe(true)
    expect(before.overall).toEqual([
      { practiceCode: 'N3', withheld: true },
      { practiceCode: 'N3', withheld: true },
    ])
    // Cedar Health has two follow-up responses: below the minimum of three, so every row is withheld and no figure shown.
    expect(cedar(before.scores).every((r) => r.withheld === 'true' && r.n === '')).toBe(true)
    for (const rows of scaleTables(before.page)) for (const row of rows) expect(row[1]).toBe('Fewer than 3 responses')

    // Viewed again with nothing changed: the same page, from the scores kept, without reading an answer.
    reads.mockClear()
    expect((await scorecard()).$('main').html()).toBe(before.page.$('main').html())
    expect(await download()).toBe(before.scores)
    expect(await changeDownload()).toBe(before.change)
    expect(await cedarOverallChange()).toEqual(before.overall)
    expect(await submittedByWave()).toEqual(counted)
    expect(reads).not.toHaveBeenCalled()

    const respondent = httpClient(ls.app)
    await walkJourney(respondent, await respondent.get('/p/N3/follow-up'), 3)

    const after = { page: await scorecard(), scores: await download(), change: await changeDownload(), overall: await cedarOverallChange() }
    // Of each scored questionnaire only the new response was read (kept-respondents.ts), not the wave. (The context
    // questionnaire is read for the first time: with three responses Cedar Health's free text is now shown.)
    const readAfter = reads.mock.calls.map(([, questionnaire, ids]) => [questionnaire, ids?.length])
    expect(readAfter.filter(([questionnaire]) => SCORED.includes(questionnaire as string))).toEqual(SCORED.map((q) => [q, 1]))
    expect(after.scores).not.toBe(before.scores)
    expect(after.scores).toBe(await uncached())
    expect((await submittedByWave()).slice(0, 2)).toEqual(['baseline 22', 'follow-up 33'])
    // The kept change and overall change are worked out again: Cedar Health's three follow-up responses now give one.
    expect(after.change).toBe(await uncached(UNCACHED_CHANGE))
    expect(
      new Set(
        cedar(after.change)
          .filter((r) => r.withheld === 'false')
          .map((r) => r.n_to),
      ),
    ).toEqual(new Set(['3']))
    // On the good-practice questionnaire, whose overall score the three now have (normalisation's stays withheld).
    expect(after.overall[1]).toMatchObject({ practiceCode: 'N3', withheld: false, nFrom: 3, nTo: 3 })
    const rows = cedar(after.scores)
    expect(new Set(rows.filter((r) => r.withheld === 'false').map((r) => r.n))).toEqual(new Set(['3']))
    // Each figure the scorecard now shows is the export's.
    const tables = scaleTables(after.page)
    SCORED.forEach((questionnaire, q) => {
      const names = [...scaleNames(ls, questionnaire)]
      const expected = names.map(([path]) => rows.find((r) => r.questionnaire === questionnaire && r.scale === path)!)
      expect(tables[q]!.map((row) => row[1])).toEqual(expected.map((s) => (s.withheld === 'false' ? score(s.score!) : 'Fewer than 3 responses')))
    })
    expect(tables.flat().some((row) => row[1] !== 'Fewer than 3 responses')).toBe(true)
  })

  it("are scored again when the programme's smallest practice group changes, with no response sent", async () => {
    const programme = (await ls.repos.programmes.findBySlug('north'))!
    const kept = await download()
    expect(cedar(kept).some((r) => r.withheld === 'false')).toBe(true)
    await ls.repos.programmes.update(programme.id, { ...programme, minPracticeN: 4 })
    const raised = await download()
    expect(raised).toBe(await uncached())
    // Cedar Health's three responses are now below the minimum of four.
    expect(cedar(raised).every((r) => r.withheld === 'true')).toBe(true)
    for (const rows of scaleTables(await scorecard())) for (const row of rows) expect(row[1]).toBe('Fewer than 4 responses')
  })
})
