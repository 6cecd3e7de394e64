// The demo's three practices and how their staff tend to answer, so the demo shows real contrasts.
import type { NewPractice } from '../domain/practice.js'

export interface AnswerProfile {
  /** Typical agreement (1–5) for scales not listed in byScale. */
  base: number
  /** Typical agreement by top-level scale id (dimension or construct). */
  byScale: Record<string, number>
  /** How much respondents in the practice differ from each other: high spread means low agreement. */
  spread: number
}

export interface DemoPractice {
  practice: Omit<NewPractice, 'programmeId'>
  profile: AnswerProfile
}

export const DEMO_PRACTICES: DemoPractice[] = [
  {
    practice: {
      code: 'DEMO01',
      name: 'Riverside Medical Centre (demo)',
      listSize: 14200,
      deprivationQuintile: 2,
      rurality: 'urban',
      spModel: 'Link workers employed by the primary care network',
    },
    profile: { base: 3.6, spread: 0.45, byScale: { organisational: 4.4, policy: 2.0, collective_action: 4.2, reflexive_monitoring: 3.0 } },
  },
  {
    practice: {
      code: 'DEMO02',
      name: 'Hillside Surgery (demo)',
      listSize: 6100,
      deprivationQuintile: 4,
      rurality: 'rural',
      spModel: 'Link workers hosted by a voluntary sector partner',
    },
    profile: { base: 3.3, spread: 0.45, byScale: { organisational: 2.1, policy: 4.1, collective_action: 2.5, cognitive_participation: 3.9 } },
  },
  {
    practice: {
      code: 'DEMO03',
      name: 'Market Street Practice (demo)',
      listSize: 9800,
      deprivationQuintile: 1,
      rurality: 'urban',
      spModel: 'Social prescribing commissioned from a local charity',
    },
    profile: { base: 3.1, spread: 1.3, byScale: {} },
  },
]

export const DEMO_RESPONSES_PER_PRACTICE = 10

/** Which settings the demo's respondents come from, in order: 6 practice staff, 2 link workers, 2 community organisations. */
export const DEMO_ROLE_MIX = [
  'gp',
  'practice_nurse',
  'reception_admin',
  'practice_manager',
  'gp',
  'other_practice_staff',
  'link_worker',
  'link_worker',
  'community_org',
  'community_org',
]

export const DEMO_TEXT_ANSWERS = {
  helps: [
    'Having the link worker in the building on clinic days.',
    'Regular huddles where we talk about referrals.',
    'Quick feedback on what happened to the people we refer.',
    'A shared list of local groups that is kept up to date.',
    'Managers who protect time for this work.',
  ],
  hinders: [
    'Not enough time in appointments to talk about it.',
    'Funding that is only agreed a year at a time.',
    'We rarely hear back after a referral.',
    'Community groups are full and have waiting lists.',
    'The referral form is hard to find in the clinical system.',
  ],
  other: ['Nothing to add.', 'More training for new staff.', 'Clearer information for patients.'],
}
