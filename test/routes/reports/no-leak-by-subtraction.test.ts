// The scorecard's response table, the comparison's setting view and the fieldwork page, built by the real page models
// from random counts: no setting's count that one withholds can be worked out from the figures the three show together.
// The fieldwork page gives each practice's total as it is, so a practice nobody has answered for yet shows that each of
// its settings is 0: that alone is allowed, since it says nothing of anyone who answered.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SubmittedCount } from '../../../server/domain/response-counts.js'
import { SETTINGS, type Setting } from '../../../server/questionnaires/definition-schema.js'
import { comparePageModel } from '../../../server/routes/reports/compare-page-model.js'
import { scorecardPageModel } from '../../../server/routes/reports/scorecard-page-model.js'
import { fieldworkPageModel } from '../../../server/routes/waves/fieldwork-page-model.js'
import { formats } from '../../../server/i18n/format.js'
import { english } from '../../../server/i18n/translate.js'
import { scoreWave, scoreWaveForSetting } from '../../../server/scoring/index.js'
import type { Respondent } from '../../../server/scoring/respondent.js'
import type { ComparisonData, ScorecardData } from '../../../server/services/report-service.js'
import { fixtureQuestionnaire } from '../../scoring/fixtures/fixture-questionnaire.js'
import { respondent } from '../../scoring/fixtures/respondents.js'
import { pinned, type ShownSum } from '../../support/derivable.js'
import { PRACTICES, PROGRAMME, WAVE } from './report-model-fixtures.js'

const CODES = ['A', 'B'] as const
/** Unknown i: practice CODES[i / 3], setting SETTINGS[i % 3]. */
const unknown = (p: number, s: number) => p * SETTINGS.length + s
const shownNumber = (text: string): number | null => (/^\d+$/.test(text) ? Number(text) : null)

function pages(counts: readonly number[], thresholds: { minPracticeN: number; minBreakdownN: number }) {
  const programme = { ...PROGRAMME, ...thresholds }
  const respondents: Respondent[] = CODES.flatMap((code, p) =>
    SETTINGS.flatMap((setting, s) => Array.from({ length: counts[unknown(p, s)]! }, () => respondent(code, setting, { c1: '4' }, setting))),
  )
  const input = { wave: WAVE.slug, questionnaire: fixtureQuestionnaire, respondents, options: thresholds }
  const practices = PRACTICES.filter((p) => (CODES as readonly string[]).includes(p.code))
  const scorecard = (code: string, p: number): ScorecardData => ({
    programme,
    practice: practices.find((x) => x.code === code)!,
    waves: [{ wave: WAVE, submitted: respondents.length }],
    wave: WAVE,
    previousWave: null,
    questionnaires: [],
    change: null,
    changeProblem: null,
    changeBreaks: [],
    responses: {
      submitted: SETTINGS.flatMap((setting, s): SubmittedCount[] =>
        counts[unknown(p, s)]! > 0 ? [{ setting, presetRole: null, viaInvitation: false, n: counts[unknown(p, s)]! }] : [],
      ),
      invitations: [],
    },
    textAnswers: null,
    actions: [],
    earlierActions: [],
    trajectory: [],
    sinceFirst: null,
  })
  const comparison = (setting?: Setting): ComparisonData => ({
    programme,
    waves: [{ wave: WAVE, submitted: respondents.length }],
    wave: WAVE,
    allPractices: practices,
    practices,
    questionnaires: [{ definition: fixtureQuestionnaire, scores: setting ? scoreWaveForSetting(input, setting) : scoreWave(input) }],
    responses: new Map(CODES.map((_, p) => [practices[p]!.id, practiceCounts(p)])),
    stages: new Map(),
    changes: [],
  })
  const practiceCounts = (p: number) => ({ practiceId: practices[p]!.id, submitted: scorecard(CODES[p]!, p).responses.submitted, invitations: [] })
  const total = (p: number) => SETTINGS.reduce((sum, _, s) => sum + counts[unknown(p, s)]!, 0)
  const fieldwork = fieldworkPageModel(
    programme,
    WAVE,
    practices,
    CODES.map((_, p) => ({
      practiceId: practices[p]!.id,
      invitations: 0,
      invitationsUsed: 0,
      startedViaInvitation: 0,
      startedOpen: total(p),
      submittedViaInvitation: 0,
      submittedOpen: total(p),
    })),
    new Map(CODES.map((_, p) => [practices[p]!.id, practiceCounts(p)])),
    [],
    true,
    { t: english, format: formats('en-GB') },
  )
  return {
    fieldwork,
    scorecards: CODES.map((code, p) => scorecardPageModel(scorecard(code, p)).responses.rows),
    comparisons: [undefined, ...SETTINGS].map((setting) => ({ setting, model: comparePageModel(comparison(setting), setting ? { setting } : {}) })),
  }
}

/** What a reader of both pages sees, as sums of the unknown counts; and which counts the pages withhold. */
function figures(counts: readonly number[], thresholds: { minPracticeN: number; minBreakdownN: number }) {
  const { scorecards, comparisons, fieldwork } = pages(counts, thresholds)
  const shown: ShownSum[] = []
  const withheld: number[] = []
  // The fieldwork page: each practice's responses by open link (all of them here), and each setting's as it shows them.
  fieldwork.rows.forEach((row, p) => shown.push({ terms: SETTINGS.map((_, s) => unknown(p, s)), value: Number(row.cells[4]) }))
  fieldwork.bySetting.rows.forEach((row, p) =>
    SETTINGS.forEach((_, s) => {
      const n = shownNumber(row.cells[2 * s]!)
      if (n === null) withheld.push(unknown(p, s))
      else shown.push({ terms: [unknown(p, s)], value: n })
    }),
  )
  scorecards.forEach((rows, p) => {
    SETTINGS.forEach((_, s) => {
      const n = shownNumber(rows[s]!.responses)
      if (n === null) withheld.push(unknown(p, s))
      else shown.push({ terms: [unknown(p, s)], value: n })
    })
    const total = shownNumber(rows[SETTINGS.length]!.responses)
    if (total !== null) shown.push({ terms: SETTINGS.map((_, s) => unknown(p, s)), value: total })
  })
  // The comparison's statistics: respondents over the practices whose figure it shows (every respondent answers c1, so
  // is scored on coherence); in a setting view, that setting's respondents of those practices.
  for (const { setting, model } of comparisons) {
    const coherence = model.stats[0]!.rows.find((r) => r.name === 'Coherence')!
    const column = model.headers.findIndex((h) => h.label === 'Coherence') - 1
    const included = model.rows.flatMap((r) => (r.cells[column]!.band === null ? [] : [CODES.indexOf(r.code as (typeof CODES)[number])]))
    // Each practice's responses, every setting's whatever the filter, where the comparison shows them.
    model.rows.forEach((r) => {
      const n = shownNumber(r.facts.responses)
      if (n !== null) shown.push({ terms: SETTINGS.map((_, i) => unknown(CODES.indexOf(r.code as (typeof CODES)[number]), i)), value: n })
    })
    const s = setting ? [SETTINGS.indexOf(setting)] : SETTINGS.map((_, i) => i)
    shown.push({ terms: included.flatMap((p) => s.map((i) => unknown(p, i))), value: Number(coherence.respondents) })
  }
  return { shown, withheld: [...new Set(withheld)] }
}

/** The withheld counts of practices someone has answered for: a practice with none shows its settings are 0. */
const answeredFor = (counts: readonly number[], withheld: readonly number[]) =>
  withheld.filter((u) => SETTINGS.some((_, s) => counts[unknown(Math.floor(u / SETTINGS.length), s)]! > 0))

describe('the scorecard, the comparison and the fieldwork page together', () => {
  it('never pin a setting count the response table withholds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(6), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (counts, minPracticeN, minBreakdownN) => {
          const { shown, withheld } = figures(counts, { minPracticeN, minBreakdownN })
          expect(pinned(counts.length, 7, shown, answeredFor(counts, withheld))).toEqual(new Map())
        },
      ),
      { numRuns: 60 },
    )
  })

  it('one per setting: nothing of any setting can be worked out', () => {
    const { shown, withheld } = figures([1, 1, 1, 6, 6, 6], { minPracticeN: 3, minBreakdownN: 5 })
    expect(withheld).toEqual([0, 1, 2])
    expect(pinned(6, 7, shown, withheld)).toEqual(new Map())
  })
})
