// The demo's three practices and how their staff tend to answer, so the demo shows real contrasts.
import type { NewPractice } from '../domain/practice.js'
import type { Language } from '../i18n/languages.js'

export interface AnswerProfile {
  /** Typical agreement (1–5) for scales not listed in byScale. */
  base: number
  /** Typical agreement by top-level scale id (dimension or construct). */
  byScale: Record<string, number>
  /** How much respondents in the practice differ from each other: high spread means low agreement. */
  spread: number
}

/** How a practice's answers move from one wave to the next, on 1–5: `base` for every scale not listed in byScale. */
export interface ProfileChange {
  base: number
  byScale: Record<string, number>
}

/** The profile moved by a change: each scale by its own amount, or by `base` when the change does not list it. */
export function movedBy(profile: AnswerProfile, change: ProfileChange): AnswerProfile {
  const scales = new Set([...Object.keys(profile.byScale), ...Object.keys(change.byScale)])
  return {
    ...profile,
    base: profile.base + change.base,
    byScale: Object.fromEntries([...scales].map((k) => [k, (profile.byScale[k] ?? profile.base) + (change.byScale[k] ?? change.base)])),
  }
}

export interface DemoPractice {
  practice: Omit<NewPractice, 'programmeId'>
  /** How its staff answer at baseline. */
  profile: AnswerProfile
  /** From six months to twelve: mostly a little better, but not everywhere, as in a real programme. */
  sixToTwelve: ProfileChange
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
    // The plan agreed after six months took hold on policy and monitoring; the link worker's room went, and with it some working together.
    sixToTwelve: { base: 0.1, byScale: { policy: 0.7, reflexive_monitoring: 0.4, organisational: -0.6, collective_action: -0.5 } },
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
    // Funding agreed for one more year only: policy slips while the rest creeps up.
    sixToTwelve: { base: 0.15, byScale: { organisational: 0.3, policy: -0.4 } },
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
    // Much the same: its staff still disagree too much for a small change to show.
    sixToTwelve: { base: 0.1, byScale: {} },
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

/** What synthetic respondents write, in each language a demo response may be given in (as many of each, so the draws match). */
export const DEMO_TEXT_ANSWERS: Record<Language, { helps: readonly string[]; hinders: readonly string[]; other: readonly string[] }> = {
  'en-GB': {
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
  },
  nl: {
    helps: [
      'De welzijnscoach zit op spreekuurdagen gewoon bij ons in het gebouw.',
      'Een kort overleg elke week over wie we doorverwijzen.',
      'We horen snel terug hoe het de mensen verging die we verwezen.',
      'Een lijst van activiteiten in de wijk die iemand actueel houdt.',
      'Een praktijkmanager die tijd voor dit werk vrijmaakt.',
    ],
    hinders: [
      'In een consult van tien minuten is er geen tijd om het erover te hebben.',
      'De financiering wordt steeds maar voor een jaar toegezegd.',
      'Na een verwijzing horen we zelden nog iets.',
      'De activiteiten in de wijk zitten vol en hebben wachtlijsten.',
      'Het verwijsformulier is lastig te vinden in het HIS.',
    ],
    other: ['Niets toe te voegen.', 'Meer uitleg voor nieuwe collega’s.', 'Duidelijkere informatie voor patiënten.'],
  },
}
