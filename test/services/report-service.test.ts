import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotFoundError } from '../../server/errors.js'
import { matchesContext } from '../../server/services/report-service.js'
import { seedReportFixture } from '../support/report-fixture.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(() => {
  ls = testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  seedReportFixture(ls)
})
afterAll(() => ls.close())

const programme = () => ls.repos.programmes.findBySlug('north')!
const practice = (code: string) => ls.repos.practices.findByCode(code)!

describe('the report service', () => {
  it('chooses the latest survey with responses, and the one before it for the change', () => {
    const data = ls.services.reports.scorecard(programme(), practice('N1'))
    expect([data.wave?.slug, data.previousWave?.slug]).toEqual(['follow-up', 'baseline'])
    expect(data.waves.map((w) => [w.wave.slug, w.submitted])).toEqual([
      ['baseline', 22],
      ['follow-up', 32],
      ['year-two', 0],
    ])
    expect(new Set(data.change!.map((c) => `${c.fromWave}→${c.toWave}`))).toEqual(new Set(['baseline→follow-up']))
    const first = ls.services.reports.scorecard(programme(), practice('N1'), 'baseline')
    expect([first.previousWave, first.change]).toEqual([null, null])
    expect(() => ls.services.reports.scorecard(programme(), practice('N1'), 'nope')).toThrow(NotFoundError)
  })

  it('never reads the free text of a practice below the minimum', () => {
    expect(ls.services.reports.scorecard(programme(), practice('N3')).textAnswers).toBeNull()
    expect(ls.services.reports.scorecard(programme(), practice('N3'), 'baseline').textAnswers).not.toBeNull()
    expect(ls.services.reports.scorecard(programme(), practice('N4')).textAnswers).toBeNull()
  })

  it("scores the kept practices' respondents only, and one setting's when asked", () => {
    const urban = ls.services.reports.comparison(programme(), undefined, { rurality: 'urban' })
    expect(urban.practices.map((p) => p.code)).toEqual(['N1', 'N3', 'N5'])
    expect(urban.allPractices.map((p) => p.code)).toEqual(['N1', 'N2', 'N3', 'N4', 'N5'])
    expect(new Set(urban.questionnaires.flatMap((q) => q.scores.practices.map((r) => r.practiceCode)))).toEqual(new Set(['N1', 'N3', 'N5']))
    const linkWorkers = ls.services.reports.comparison(programme(), 'follow-up', { setting: 'link_worker' })
    expect(linkWorkers.questionnaires.map((q) => q.scores.options.minPracticeN)).toEqual([5, 5])
    expect(new Set(linkWorkers.questionnaires.flatMap((q) => q.scores.practices.map((r) => r.practiceCode)))).toEqual(new Set(['N1', 'N5']))
  })

  it('matches practice context on every filter given', () => {
    const p = practice('N2')
    expect([
      matchesContext(p, {}),
      matchesContext(p, { deprivationQuintile: 1, rurality: 'rural' }),
      matchesContext(p, { deprivationQuintile: 1, rurality: 'urban' }),
      matchesContext(p, { spModel: 'Voluntary sector partner' }),
    ]).toEqual([true, true, false, true])
  })
})
