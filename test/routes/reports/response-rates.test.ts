import { describe, expect, it } from 'vitest'
import type { SubmittedCount } from '../../../server/domain/response-counts.js'
import { responseRows } from '../../../server/routes/reports/response-rates.js'

const THRESHOLDS = { minPracticeN: 3, minBreakdownN: 5 }
const submitted = (setting: SubmittedCount['setting'], n: number, presetRole: string | null = null, viaInvitation = presetRole !== null): SubmittedCount => ({
  setting,
  n,
  presetRole,
  viaInvitation,
})
const rows = (counts: Parameters<typeof responseRows>[0]) => {
  const { total, settings } = responseRows(counts, THRESHOLDS)
  return [...settings, total].map((r) => [r.group, r.responses, r.rate])
}
const NO_PRESET = 'Not known: no invitations named a role in this setting'

describe('responseRows', () => {
  it('gives the rate of invitations that led to a response, leaving open-link responses out of it', () => {
    expect(
      rows({
        submitted: [
          submitted('general_practice', 4, 'gp'),
          submitted('general_practice', 2, null, true),
          submitted('general_practice', 3),
          submitted('link_worker', 5, 'link_worker'),
          submitted('community', 5),
        ],
        invitations: [
          { presetRole: 'gp', n: 8 },
          { presetRole: 'practice_nurse', n: 2 },
          { presetRole: null, n: 10 },
          { presetRole: 'link_worker', n: 5 },
        ],
      }),
    ).toEqual([
      ['General practice', '9', '40% (4 of 10 invitations)'],
      ['Link workers', '5', '100% (5 of 5 invitations)'],
      ['Community sector', '5', NO_PRESET],
      ['All settings', '19', '44% (11 of 25 invitations)'],
    ])
  })

  it('withholds a small setting and, so it cannot be subtracted from the total, the next smallest', () => {
    expect(
      rows({
        submitted: [submitted('general_practice', 7), submitted('link_worker', 6, 'link_worker'), submitted('community', 2)],
        invitations: [{ presetRole: 'link_worker', n: 6 }],
      }),
    ).toEqual([
      ['General practice', '7', NO_PRESET],
      ['Link workers', 'Withheld', 'Withheld'],
      ['Community sector', 'Withheld', NO_PRESET],
      ['All settings', '15', '100% (6 of 6 invitations)'],
    ])
  })

  it('withholds a setting nobody answered from like any small one: a 0 beside a withheld setting and the total gives it away', () => {
    // The reported leak: general practice withheld, link workers 0, community 0 and all settings 3.
    expect(rows({ submitted: [submitted('general_practice', 3)], invitations: [] })).toEqual([
      ['General practice', 'Withheld', NO_PRESET],
      ['Link workers', 'Withheld', NO_PRESET],
      ['Community sector', 'Withheld', NO_PRESET],
      ['All settings', '3', 'Not known: no invitations, open link only'],
    ])
    // Ten and ten with nobody in the community sector: the 0 is withheld, and so is general practice (the smallest shown,
    // listed first), or the 0 would be the total minus the two shown.
    expect(rows({ submitted: [submitted('general_practice', 10), submitted('link_worker', 10)], invitations: [] }).map((r) => r[1])).toEqual([
      'Withheld',
      '10',
      'Withheld',
      '20',
    ])
  })

  it('withholds every figure when the practice has fewer responses than the minimum, saying so with the threshold', () => {
    expect(rows({ submitted: [submitted('community', 2, 'community_org')], invitations: [{ presetRole: 'community_org', n: 4 }] })).toEqual([
      ['General practice', 'Withheld', NO_PRESET],
      ['Link workers', 'Withheld', NO_PRESET],
      ['Community sector', 'Withheld', 'Withheld'],
      ['All settings', 'Fewer than 3 responses', 'Fewer than 3 responses'],
    ])
  })

  it('says the rate is unknown without invitations', () => {
    expect(rows({ submitted: [submitted('general_practice', 6)], invitations: [] }).at(-1)).toEqual([
      'All settings',
      '6',
      'Not known: no invitations, open link only',
    ])
  })
})
