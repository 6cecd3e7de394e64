import { describe, expect, it } from 'vitest'
import { formats } from '../../../server/i18n/format.js'
import { translator } from '../../../server/i18n/translate.js'
import { scorecardPageModel } from '../../../server/routes/reports/scorecard-page-model.js'
import { compareWaves, scoreWave } from '../../../server/scoring/index.js'
import type { PracticeAction } from '../../../server/domain/practice-action.js'
import type { ScorecardData } from '../../../server/services/report-service.js'
import { fixtureQuestionnaire } from '../../scoring/fixtures/fixture-questionnaire.js'
import { respondent } from '../../scoring/fixtures/respondents.js'
import { FIRST_WAVE, PRACTICES, PROGRAMME, SCORED, WAVE } from './report-model-fixtures.js'

const data = (code: string, over: Partial<ScorecardData> = {}): ScorecardData => ({
  programme: PROGRAMME,
  practice: PRACTICES.find((p) => p.code === code)!,
  waves: [
    { wave: FIRST_WAVE, submitted: 0 },
    { wave: WAVE, submitted: 13 },
  ],
  wave: WAVE,
  previousWave: null,
  questionnaires: SCORED,
  change: null,
  changeProblem: null,
  changeBreaks: [],
  responses: { submitted: [], invitations: [] },
  textAnswers: null,
  actions: [],
  earlierActions: [],
  trajectory: [],
  sinceFirst: null,
  ...over,
})

describe('scorecardPageModel', () => {
  it("rounds a shown practice's figures, and gives the programme median, best and worst", () => {
    const section = scorecardPageModel(data('A')).sections[0]!
    // docs/scoring.md's worked example: A scores 62.5 on differentiation, B and D 58.33, C is withheld
    expect(section.rows.map((r) => [r.name, r.top, r.withheld, r.score, r.n, r.median, r.best, r.worst])).toEqual([
      ['Coherence', true, null, '67', '4', '58', '67', '58'],
      ['Differentiation', false, null, '63', '5', '58', '63', '58'],
      ['Communal specification', false, null, '69', '4', '69', '69', '69'],
      ['Participation', true, null, '63', '5', '63', '63', '63'],
      ['Initiation', false, null, '63', '5', '63', '63', '63'],
    ])
    // rwg(J) of the worked example is 62/151: views differ widely (0.50 or less), said in words beside the name too
    expect(section.rows[1]!.agreement).toEqual({ text: '0.41: views differ widely', low: true })
    expect(section.rows[1]!.disagreement).toBe('Views differ widely')
    expect(section.notes[0]).toMatch(/^"Views differ widely": the people who answered disagree so much/)
    expect(section.rows[1]!.ci).toEqual({ text: '28\u201397', withheld: false })
    expect(section.rows[1]!.band).toEqual({ text: 'Developing', colour: 'aqua-green' })
    expect(section.rows[0]!.change).toBeNull()
  })

  it('puts "Fewer than 3 responses" in place of every figure of a withheld practice, in the rows and the chart', () => {
    const model = scorecardPageModel(data('C'))
    const section = model.sections[0]!
    expect(section.rows.every((r) => r.withheld === 'Fewer than 3 responses' && r.score === '' && r.n === '' && r.ci.text === '' && r.band === null)).toBe(true)
    expect(section.summary.map((g) => [g.withheld, g.score, g.band, g.change])).toEqual([
      ['Fewer than 3 responses', '', null, null],
      ['Fewer than 3 responses', '', null, null],
    ])
    expect(section.compared.map((g) => g.score)).toEqual(['Fewer than 3 responses', 'Fewer than 3 responses'])
    expect(JSON.parse(section.chart.json).series[0].values).toEqual([null, null])
    expect([section.strengths, section.priorities, section.noHighlights]).toEqual([[], [], 'None shown: fewer than 3 responses'])
    expect(model.text.withheld).toBe('Not shown: fewer than 3 responses from this practice.')
  })

  it('says why the answers to a question asked of withheld settings only are not shown, in English and in Dutch', () => {
    const textAnswers = [
      {
        questionnaireId: 'fixture',
        itemId: 'all',
        text: 'For everyone?',
        answers: [{ text: 'Yes', language: 'en-GB' as const }],
        hidden: 0,
        withheldFor: null,
      },
      { questionnaireId: 'fixture', itemId: 'some', text: 'For some?', answers: [], hidden: 0, withheldFor: ['link_worker' as const, 'community' as const] },
    ]
    expect(scorecardPageModel(data('A', { textAnswers })).text.groups.map((g) => [g.heading, g.answers.length, g.withheld])).toEqual([
      ['For everyone?', 1, null],
      [
        'For some?',
        0,
        'Not shown: this question was only for link workers and community sector, and the number of responses there is withheld, so its answers could tell who wrote them.',
      ],
    ])
    const dutch = scorecardPageModel(data('A', { textAnswers }), translator('nl'), formats('nl')).text.groups[1]!.withheld
    expect(dutch).toBe(
      'Niet getoond: deze vraag was alleen voor welzijnscoaches en sociaal domein, en het aantal responsen daar wordt niet getoond, dus de antwoorden zouden kunnen verraden wie ze schreef.',
    )
  })

  it('splits a short list of shown scales between strengths and priorities, never naming one twice', () => {
    const section = scorecardPageModel(data('A')).sections[0]!
    // Three components shown: one strength, one priority; differentiation and initiation tie, so the first listed is lower
    expect(section.strengths.map((h) => `${h.name} ${h.score}`)).toEqual(['Communal specification 69'])
    expect(section.priorities.map((h) => `${h.name} ${h.score}`)).toEqual(['Differentiation 63'])
    expect(scorecardPageModel(data('B')).sections[0]!.noHighlights).toBe('Too few scores are shown to pick these out')
  })

  it('gives the change since the previous wave in points on 0–100, with its significance in words', () => {
    const earlier = scoreWave({
      wave: 'w1',
      questionnaire: fixtureQuestionnaire,
      respondents: ['4', '4', '5', '3'].map((c1) => respondent('A', 'general_practice', { c1, c2: '2', p1: '2', p2: '2' })),
    })
    const change = compareWaves(earlier, SCORED[0]!.scores, fixtureQuestionnaire)
    const model = scorecardPageModel(data('A', { previousWave: FIRST_WAVE, change }))
    expect(model.changeHeading).toBe('Change since First wave')
    const differentiation = change.find((c) => c.practiceCode === 'A' && c.scale === 'coherence/differentiation')!
    if (differentiation.withheld) throw new Error('expected a shown change')
    // Differentiation: respondent scores 4, 4, 4.5 and 3.5 (mean 4) before, 3.5 now: −0.5 on 1–5, −12.5 points, shown as −13
    expect(differentiation.difference).toBe(-0.5)
    expect(model.sections[0]!.rows[1]!.change).toEqual({ text: '\u221213', flag: differentiation.changed ? 'significant fall' : 'not significant' })
    expect(scorecardPageModel(data('C', { previousWave: FIRST_WAVE, change })).sections[0]!.rows[0]!.change).toEqual({
      text: 'Fewer than 3 responses in a wave',
      flag: '',
    })
  })

  it('says why the change is missing when the previous wave cannot be scored', () => {
    const model = scorecardPageModel(data('A', { previousWave: FIRST_WAVE, change: null, changeProblem: 'It has answers to two versions.' }))
    expect([model.changeHeading, model.changeProblem, model.sections[0]!.rows[0]!.change]).toEqual([
      null,
      'The change since First wave is not shown. It has answers to two versions.',
      null,
    ])
  })

  describe('actions', () => {
    const questionnaire = SCORED[0]!.scores.questionnaire
    const action = (waveId: number, scale: string, over: Partial<PracticeAction> = {}): PracticeAction => ({
      id: 1,
      practiceId: 1,
      waveId,
      questionnaireId: questionnaire,
      scale,
      action: 'Talk it through at the team meeting',
      owner: 'Practice manager',
      reviewOn: '2026-06-30',
      recordedAt: '2026-03-02T10:00:00.000Z',
      recordedBy: null,
      changedAt: '2026-03-02T10:00:00.000Z',
      changedBy: null,
      ...over,
    })
    const earlier = scoreWave({
      wave: 'w1',
      questionnaire: fixtureQuestionnaire,
      respondents: ['4', '4', '5', '3'].map((c1) => respondent('A', 'general_practice', { c1, c2: '2', p1: '2', p2: '2' })),
    })

    it('shows a priority its action, with links to change and remove it', () => {
      const [priority] = scorecardPageModel(data('A', { actions: [action(2, 'coherence/differentiation')] })).sections[0]!.priorities
      expect(priority).toMatchObject({
        name: 'Differentiation',
        action: { text: 'Talk it through at the team meeting', owner: 'Practice manager', reviewOn: '30 June 2026' },
        links: {
          recordHref: `/programmes/${PROGRAMME.slug}/practices/A/action?wave=w2&questionnaire=${questionnaire}&scale=coherence%2Fdifferentiation`,
          removeHref: `/programmes/${PROGRAMME.slug}/practices/A/action/remove?wave=w2&questionnaire=${questionnaire}&scale=coherence%2Fdifferentiation`,
        },
      })
      const archived = scorecardPageModel(data('A', { programme: { ...PROGRAMME, archivedAt: '2026-04-01T00:00:00.000Z' } })).sections[0]!.priorities[0]!
      expect([archived.action, archived.links]).toEqual([null, null])
    })

    it("shows the previous wave's actions beside the change in their scales, or says why there is none", () => {
      const change = compareWaves(earlier, SCORED[0]!.scores, fixtureQuestionnaire)
      const actions = [action(1, 'coherence/differentiation'), action(1, 'nothing/here', { owner: 'GP partner' })]
      const model = scorecardPageModel(data('A', { previousWave: FIRST_WAVE, change, earlierActions: actions }))
      const differentiation = change.find((c) => c.practiceCode === 'A' && c.scale === 'coherence/differentiation')!
      expect(model.earlierActions).toEqual({
        heading: 'Actions agreed after First wave',
        intro: "The steering group's actions for the priorities of First wave, beside the change in each since then.",
        caption: 'Actions agreed after First wave, with the change since',
        changeHeading: 'Change since First wave',
        rows: [
          {
            scale: 'Differentiation',
            questionnaire: expect.any(String),
            action: 'Talk it through at the team meeting',
            owner: 'Practice manager',
            reviewOn: '30 June 2026',
            change: { text: '\u221213', flag: !differentiation.withheld && differentiation.changed ? 'significant fall' : 'not significant' },
          },
          expect.objectContaining({ scale: 'nothing/here', owner: 'GP partner', change: { text: 'Not asked in this survey', flag: '' } }),
        ],
      })
      const unscored = scorecardPageModel(data('A', { previousWave: FIRST_WAVE, change: null, changeProblem: 'Two versions.', earlierActions: actions }))
      expect(unscored.earlierActions!.rows[0]!.change).toEqual({ text: 'Not shown', flag: '' })
      expect(scorecardPageModel(data('C', { previousWave: FIRST_WAVE, change, earlierActions: actions })).earlierActions!.rows[0]!.change).toEqual({
        text: 'Fewer than 3 responses in a wave',
        flag: '',
      })
      expect(scorecardPageModel(data('A', { earlierActions: actions })).earlierActions).toBeNull()
    })
  })

  it('offers the waves latest first, marking those without responses', () => {
    expect(scorecardPageModel(data('A')).waveForm.options).toEqual([
      { value: 'w2', text: 'Second wave', selected: true },
      { value: 'w1', text: 'First wave (no responses yet)', selected: false },
    ])
  })
})
