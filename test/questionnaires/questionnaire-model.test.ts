import { describe, expect, it } from 'vitest'
import type { Setting } from '../../server/questionnaires/definition-schema.js'
import { loadQuestionnaires } from '../../server/questionnaires/load-questionnaires.js'
import { minutesToAnswer, minutesToComplete } from '../../server/questionnaires/questionnaire-model.js'
import { FIXTURE_QUESTIONNAIRES } from '../support/test-linkscore.js'

// The pilot asks general practice and link workers 7 items each, the community sector 6; an item takes 7 seconds.
const pilot = loadQuestionnaires(FIXTURE_QUESTIONNAIRES).find((l) => l.questionnaire.id === 'pilot')!.questionnaire
const nine = Array.from({ length: 9 }, () => pilot)

describe('minutesToAnswer', () => {
  it.each([
    { case: 'pilot, general practice', questionnaires: [pilot], setting: 'general_practice', minutes: 49 / 60 },
    { case: 'pilot, community', questionnaires: [pilot], setting: 'community', minutes: 42 / 60 },
    { case: 'nine pilots, general practice', questionnaires: nine, setting: 'general_practice', minutes: 441 / 60 },
    { case: 'nothing to answer', questionnaires: [], setting: 'link_worker', minutes: 0 },
  ] as const)('$case: $minutes', ({ questionnaires, setting, minutes }) => {
    expect(minutesToAnswer(questionnaires, setting)).toBeCloseTo(minutes, 12)
  })
})

describe('minutesToComplete', () => {
  it.each([
    { case: 'under a minute is promised as 1', questionnaires: [pilot], setting: 'general_practice', minutes: 1 },
    { case: '6.3 minutes round up to 7', questionnaires: nine, setting: 'community', minutes: 7 },
    { case: 'without a setting, the one asked most (7.35 minutes)', questionnaires: nine, setting: null, minutes: 8 },
    { case: 'nothing to answer is still 1', questionnaires: [], setting: undefined, minutes: 1 },
  ] as { case: string; questionnaires: (typeof pilot)[]; setting?: Setting | null; minutes: number }[])('$case', ({ questionnaires, setting, minutes }) => {
    expect(minutesToComplete(questionnaires, setting)).toBe(minutes)
  })
})
