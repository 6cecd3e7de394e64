// The first demo practice's action plan: what its steering group agreed for the priorities on its scorecard after the
// six-month survey and after the twelve-month one, recorded through the action service as the group would record it.
import type { Clock } from '../clock.js'
import type { Practice } from '../domain/practice.js'
import type { ActionText } from '../domain/practice-action.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { practiceHighlights } from '../scoring/index.js'
import { createActionService } from '../services/action-service.js'
import type { Services } from '../services/index.js'

/** A wave's plan: when the steering group met to agree it, and an action for each scale it may find among its priorities. */
export interface DemoWavePlan {
  /** UTC ISO-8601: the meeting, so each action is dated as in the demo's story, whenever the demo is created. */
  agreedAt: string
  /** By questionnaire, then by scale key ('policy/monitoring'). */
  actions: Record<string, Record<string, ActionText>>
}

/** By wave. More scales than the priorities the demo's answers give, so a slightly different draw still finds its words. */
export const DEMO_ACTION_PLAN: Record<string, DemoWavePlan> = {
  'six-months': {
    agreedAt: '2026-09-16T13:00:00.000Z',
    actions: {
      normalisation: {
        'reflexive_monitoring/reconfiguration': {
          action: 'Book a 20-minute slot in the practice meeting for the link worker each month, to agree one change to how referrals work',
          owner: 'Practice manager',
          reviewOn: '2026-11-27',
        },
        'reflexive_monitoring/systematisation': {
          action: 'Send every clinician a one-page summary each quarter: how many people were referred, and what came of it for them',
          owner: 'Link worker',
          reviewOn: '2026-11-27',
        },
        'reflexive_monitoring/communal_appraisal': {
          action: 'Talk through two anonymised referral stories, one that went well and one that did not, at each quarterly clinical meeting',
          owner: 'Dr Okafor, GP partner',
          reviewOn: '2026-10-16',
        },
        'reflexive_monitoring/individual_appraisal': {
          action: 'Add a question on social prescribing to each clinician’s annual appraisal conversation',
          owner: 'Practice manager',
          reviewOn: '2026-11-27',
        },
      },
      'good-practice': {
        'policy/monitoring': {
          action: 'Agree with the primary care network the three things the link worker records, and stop the duplicate spreadsheet',
          owner: 'PCN social prescribing lead',
          reviewOn: '2026-11-27',
        },
        'policy/policymaking': {
          action: 'Invite a link worker and two community groups to the next PCN board meeting that plans social prescribing',
          owner: 'PCN clinical director',
          reviewOn: '2026-11-13',
        },
        'policy/stable_funding': {
          action: 'Ask the integrated care board in writing whether the link worker post is funded beyond March 2027, and tell staff the answer',
          owner: 'Practice manager',
          reviewOn: '2026-10-30',
        },
      },
    },
  },
  'twelve-months': {
    agreedAt: '2026-12-04T13:00:00.000Z',
    actions: {
      normalisation: {
        'coherence/internalisation': {
          action: 'Open each practice meeting with one patient’s account, shared with consent, of what social prescribing changed for them',
          owner: 'Link worker',
          reviewOn: '2027-03-26',
        },
        'cognitive_participation/legitimation': {
          action: 'Write social prescribing into the job descriptions of reception and nursing staff, so referring is part of the role',
          owner: 'Practice manager',
          reviewOn: '2027-04-30',
        },
        'reflexive_monitoring/reconfiguration': {
          action: 'Keep the monthly link worker slot, and report back at the next meeting on each change agreed there',
          owner: 'Practice manager',
          reviewOn: '2027-03-26',
        },
        'reflexive_monitoring/systematisation': {
          action: 'Put the quarterly referral summary on the staff intranet page as well as sending it round',
          owner: 'Link worker',
          reviewOn: '2027-03-26',
        },
      },
      'good-practice': {
        'policy/policymaking': {
          action: 'Ask the PCN board to give community groups a standing place on its social prescribing working group',
          owner: 'PCN clinical director',
          reviewOn: '2027-02-26',
        },
        'policy/monitoring': {
          action: 'Share the new three-measure report with community groups, and ask them which figure would help them most',
          owner: 'PCN social prescribing lead',
          reviewOn: '2027-03-26',
        },
        'policy/stable_funding': {
          action: 'Make the case to the integrated care board for a three-year link worker contract, with this year’s scorecards attached',
          owner: 'PCN clinical director',
          reviewOn: '2027-01-29',
        },
      },
    },
  },
}

/**
 * Records the plan's action for each of the practice's priorities at the wave, in each questionnaire, as at the plan's
 * meeting. A priority the plan has no words for is left without an action: with other questionnaires loaded than ours,
 * the demo has other priorities, and a plan in part is better than a server that will not start.
 */
export async function recordDemoActions(repos: Repositories, services: Services, programme: Programme, practice: Practice, wave: Wave): Promise<void> {
  const plan = DEMO_ACTION_PLAN[wave.slug]
  if (!plan) return
  const meeting: Clock = { now: () => new Date(plan.agreedAt) }
  const actions = createActionService(repos, services.catalogue, meeting)
  for (const scores of await services.scoring.scoreWave(programme, wave, 'respondents')) {
    const levels = (await services.scoring.definition(wave, scores.questionnaire)).scoring?.levels.length ?? 0
    for (const priority of practiceHighlights(scores, practice.code, levels).priorities) {
      const text = plan.actions[scores.questionnaire]?.[priority.scale]
      if (text)
        await actions.record({ kind: 'start-up' }, programme, practice, { wave: wave.slug, questionnaire: scores.questionnaire, scale: priority.scale }, text)
    }
  }
}
