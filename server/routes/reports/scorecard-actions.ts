// The scorecard's action plan: each priority with the action agreed for it and its links, and the previous wave's
// actions beside the change in their scales since.
import type { PracticeAction } from '../../domain/practice-action.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import type { ScorecardData } from '../../services/report-service.js'
import { actionPath, removeActionPath } from '../paths.js'
import { changeCell, type ChangeCell } from './change-cell.js'
import { questionnaireLabel, questionnaireWords, type BandLabel } from './report-labels.js'

/** A strength or priority of the scorecard. */
export interface Highlight {
  name: string
  /** The name in two parts, for the first screen: plain words, and the theory's name shown smaller. */
  parts: { plain: string; theory: string | null }
  /** The scale's key: its path joined with '/'. */
  scale: string
  score: string
  band: BandLabel
  guidance: string
}

/** A priority with the action agreed for it, and the links that record, change or remove it (none in an archived programme). */
export interface Priority extends Highlight {
  action: { text: string; owner: string; reviewOn: string } | null
  links: { recordHref: string; removeHref: string | null } | null
}

/** Actions by questionnaire and scale. */
const actionKey = (questionnaire: string, scale: string) => `${questionnaire}\u0000${scale}`

/** Each priority with its action, and (unless the programme is archived) the links to record, change or remove it. */
export function withActions<H extends { priorities: Highlight[] }>(lists: H, data: ScorecardData, questionnaire: string, { format }: { format: Formats }) {
  const { programme, practice, wave } = data
  const agreed = new Map(data.actions.map((a) => [actionKey(a.questionnaireId, a.scale), a]))
  const priorities = lists.priorities.map((h): Priority => {
    const action = agreed.get(actionKey(questionnaire, h.scale))
    const ref = { wave: wave?.slug ?? '', questionnaire, scale: h.scale }
    return {
      ...h,
      action: action ? { text: action.action, owner: action.owner, reviewOn: format.date(action.reviewOn) } : null,
      links:
        programme.archivedAt || !wave
          ? null
          : {
              recordHref: actionPath(programme.slug, practice.code, ref),
              removeHref: action ? removeActionPath(programme.slug, practice.code, ref) : null,
            },
    }
  })
  return { ...lists, priorities }
}

/** The actions agreed for the previous wave's priorities, each beside the change in its scale since; null when there are none. */
export function earlierActions(data: ScorecardData, page: { t: Translate; format: Formats; minPracticeN: number }) {
  const { t, format } = page
  const previous = data.previousWave
  if (!previous || data.earlierActions.length === 0) return null
  const scales = new Map(
    data.questionnaires.flatMap((scored) => {
      const words = questionnaireWords(scored, t)
      return scored.scores.scales.map((s) => [actionKey(scored.scores.questionnaire, s.scale), words.scaleName(s.scalePath, s.scaleName)] as const)
    }),
  )
  const changes = new Map(
    (data.change ?? []).filter((c) => c.practiceCode === data.practice.code).map((c) => [actionKey(c.questionnaire, c.scale), c] as const),
  )
  const changeOf = (a: PracticeAction): ChangeCell => {
    const key = actionKey(a.questionnaireId, a.scale)
    if (!scales.has(key)) return { text: t('actions:scorecard.notInThisWave'), flag: '' }
    if (!data.change) return { text: t('actions:scorecard.changeNotShown'), flag: '' }
    return changeCell(changes.get(key), page)
  }
  return {
    heading: t('actions:scorecard.earlierHeading', { wave: previous.title }),
    intro: t('actions:scorecard.earlierIntro', { wave: previous.title }),
    caption: t('actions:scorecard.earlierCaption', { wave: previous.title }),
    changeHeading: t('actions:scorecard.change', { wave: previous.title }),
    rows: data.earlierActions.map((a) => ({
      scale: scales.get(actionKey(a.questionnaireId, a.scale)) ?? a.scale,
      questionnaire: questionnaireLabel(a.questionnaireId, t),
      action: a.action,
      owner: a.owner,
      reviewOn: format.date(a.reviewOn),
      change: changeOf(a),
    })),
  }
}
