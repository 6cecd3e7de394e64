import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotFoundError } from '../../server/errors.js'
import { matchesContext } from '../../server/services/report-service.js'
import { seedReportFixture } from '../support/report-fixture.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await seedReportFixture(ls)
})
afterAll(async () => {
  await ls.close()
})

const programme = async () => (await ls.repos.programmes.findBySlug('north'))!
const practice = async (code: string) => (await ls.repos.practices.findByCode(code))!

describe('the report service', () => {
  it('chooses the latest survey with responses, and the one before it for the change', async () => {
    const data = await ls.services.reports.scorecard(await programme(), await practice('N1'))
    expect([data.wave?.slug, data.previousWave?.slug]).toEqual(['follow-up', 'baseline'])
    expect(data.waves.map((w) => [w.wave.slug, w.submitted])).toEqual([
      ['baseline', 22],
      ['follow-up', 32],
      ['year-two', 0],
    ])
    expect(new Set(data.change!.map((c) => `${c.fromWave}→${c.toWave}`))).toEqual(new Set(['baseline→follow-up']))
    const first = await ls.services.reports.scorecard(await programme(), await practice('N1'), 'baseline')
    expect([first.previousWave, first.change]).toEqual([null, null])
    await expect(ls.services.reports.scorecard(await programme(), await practice('N1'), 'nope')).rejects.toThrow(NotFoundError)
  })

  it('never reads the free text of a practice below the minimum', async () => {
    expect((await ls.services.reports.scorecard(await programme(), await practice('N3'))).textAnswers).toBeNull()
    expect((await ls.services.reports.scorecard(await programme(), await practice('N3'), 'baseline')).textAnswers).not.toBeNull()
    expect((await ls.services.reports.scorecard(await programme(), await practice('N4'))).textAnswers).toBeNull()
  })

  it("scores the kept practices' respondents only, and one setting's when asked", async () => {
    const urban = await ls.services.reports.comparison(await programme(), undefined, { rurality: 'urban' })
    expect(urban.practices.map((p) => p.code)).toEqual(['N1', 'N3', 'N5'])
    expect(urban.allPractices.map((p) => p.code)).toEqual(['N1', 'N2', 'N3', 'N4', 'N5'])
    expect(new Set(urban.questionnaires.flatMap((q) => q.scores.practices.map((r) => r.practiceCode)))).toEqual(new Set(['N1', 'N3', 'N5']))
    const linkWorkers = await ls.services.reports.comparison(await programme(), 'follow-up', { setting: 'link_worker' })
    expect(linkWorkers.questionnaires.map((q) => q.scores.options.minPracticeN)).toEqual([5, 5])
    expect(new Set(linkWorkers.questionnaires.flatMap((q) => q.scores.practices.map((r) => r.practiceCode)))).toEqual(new Set(['N1', 'N5']))
  })

  it('matches practice context on every filter given', async () => {
    const p = await practice('N2')
    expect([
      matchesContext(p, {}),
      matchesContext(p, { deprivationQuintile: 1, rurality: 'rural' }),
      matchesContext(p, { deprivationQuintile: 1, rurality: 'urban' }),
      matchesContext(p, { spModel: 'Voluntary sector partner' }),
    ]).toEqual([true, true, false, true])
  })
})
