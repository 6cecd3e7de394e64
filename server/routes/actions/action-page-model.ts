// The pages that record, change and remove the action for a priority on a practice's scorecard.
import type { PracticeAction } from '../../domain/practice-action.js'
import type { Practice } from '../../domain/practice.js'
import type { Programme } from '../../domain/programme.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import { allScales } from '../../questionnaires/questionnaire-model.js'
import type { FoundPriority, PriorityRef } from '../../services/action-service.js'
import { MAX_ACTION_LENGTH } from '../../services/action-service.js'
import type { QuestionnaireCatalogue } from '../../services/questionnaire-catalogue.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { actionPath, prioritiesPath, removeActionPath } from '../paths.js'
import { questionnaireLabel } from '../reports/report-labels.js'

export const ACTION_FIELDS = ['action', 'owner', 'reviewOn'] as const
export type ActionValues = Record<(typeof ACTION_FIELDS)[number], string>

interface Words {
  t: Translate
  format: Formats
  language: string
}

export interface ActionPage {
  programme: Programme
  practice: Practice
  ref: PriorityRef
  found: FoundPriority
  values?: ActionValues
  issues?: FieldIssue[]
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export const actionValues = (body: Record<string, unknown>): ActionValues =>
  Object.fromEntries(ACTION_FIELDS.map((field) => [field, text(body[field])])) as ActionValues

export const savedValues = (action: PracticeAction | undefined): ActionValues => ({
  action: action?.action ?? '',
  owner: action?.owner ?? '',
  reviewOn: action?.reviewOn ?? '',
})

/**
 * The scale's name as the scorecard gives it (plain words, then the theory's name) in the page's language, where the
 * questionnaire has that language; else as the definition names it.
 */
export function scaleNameIn(catalogue: QuestionnaireCatalogue, found: Pick<FoundPriority, 'priority' | 'scaleName'>, language: string, t: Translate): string {
  const copy = catalogue.find(found.priority.questionnaireId, language)
  const node = copy && allScales(copy).find((s) => s.path.join('/') === found.priority.scale)?.node
  if (!copy || !node) return found.scaleName
  return node.plainName ? t('reports:plainAndTheory', { plain: node.plainName, theory: node.name.toLocaleLowerCase(copy.language) }) : node.name
}

function common(catalogue: QuestionnaireCatalogue, { programme, practice, ref, found }: ActionPage, { t, language }: Words) {
  const scale = scaleNameIn(catalogue, found, language, t)
  return {
    scale,
    caption: t('actions:form.caption', { practice: practice.name, wave: found.wave.title }),
    backHref: prioritiesPath(programme.slug, practice.code, ref.wave, ref.questionnaire),
    questionnaire: questionnaireLabel(ref.questionnaire, t),
  }
}

export function actionFormPageModel(catalogue: QuestionnaireCatalogue, page: ActionPage, words: Words) {
  const { t, format } = words
  const { programme, practice, ref, found } = page
  const { scale, caption, backHref, questionnaire } = common(catalogue, page, words)
  const opensOn = found.wave.opensOn
  return {
    title: found.action ? t('actions:form.titleChange', { scale }) : t('actions:form.titleNew', { scale }),
    caption,
    backHref,
    intro: t('actions:form.intro', { scale, questionnaire: questionnaire.toLowerCase(), wave: found.wave.title }),
    action: actionPath(programme.slug, practice.code, ref),
    values: page.values ?? savedValues(found.action),
    maxActionLength: MAX_ACTION_LENGTH,
    reviewHint: opensOn ? t('actions:form.reviewOn.hintAfter', { date: format.date(opensOn) }) : t('actions:form.reviewOn.hint'),
    ...formErrors(page.issues ?? [], { t, order: ACTION_FIELDS }),
  }
}

export function removeActionPageModel(catalogue: QuestionnaireCatalogue, page: ActionPage & { found: { action: PracticeAction } }, words: Words) {
  const { t, format } = words
  const { programme, practice, ref, found } = page
  const { scale, caption, backHref } = common(catalogue, page, words)
  return {
    title: t('actions:remove.title', { scale }),
    caption,
    backHref,
    action: removeActionPath(programme.slug, practice.code, ref),
    rows: [
      { key: t('actions:remove.action'), value: [found.action.action] },
      { key: t('actions:remove.owner'), value: [found.action.owner] },
      { key: t('actions:remove.reviewOn'), value: [format.date(found.action.reviewOn)] },
    ],
  }
}
