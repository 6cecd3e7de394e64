import { describe, expect, it } from 'vitest'
import { bandFor } from '../../server/scoring/bands.js'
import { toScore100 } from '../../server/scoring/respondent-scores.js'
import { fixtureQuestionnaire } from './fixtures/fixture-questionnaire.js'

const bands = fixtureQuestionnaire.scoring!.bands // Embedded ≥ 75, Developing ≥ 50, Emerging ≥ 0

describe('bandFor', () => {
  it.each([
    [100, 'Embedded'],
    [75, 'Embedded'],
    [74.99, 'Developing'],
    [50, 'Developing'],
    [50 - 1e-12, 'Developing'], // floating-point noise below a boundary still reaches it
    [49.999, 'Emerging'],
    [0, 'Emerging'],
  ])('%d is %s', (score, label) => {
    expect(bandFor(bands, score)).toBe(label)
  })

  it('bands the 0–100 score of a 1–5 mean', () => {
    expect(bandFor(bands, toScore100(4))).toBe('Embedded') // 75
    expect(bandFor(bands, toScore100(3.96))).toBe('Developing') // 74
    expect(bandFor(bands, toScore100(3))).toBe('Developing') // 50
  })

  it('refuses a score below every band', () => {
    expect(() => bandFor(bands, -1)).toThrow(RangeError)
  })
})
