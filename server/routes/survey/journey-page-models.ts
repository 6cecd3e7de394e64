// View models for the pages of a survey in progress.
import type { StoredAnswer } from '../../domain/response.js'
import { fillIntervention } from '../../questionnaires/questionnaire-model.js'
import type { SurveyContext } from '../../services/survey-service.js'
import { answerText, itemField } from '../../survey/item-fields.js'
import type { JourneyPage } from '../../survey/journey-pages.js'
import type { FieldError } from '../../survey/page-answers.js'
import { ROLES, SETTING_LABELS, findRole } from '../../survey/roles.js'
import { SETTINGS, type Setting } from '../../questionnaires/definition-schema.js'
import { formErrors } from '../form-errors.js'
import { journeyUrl } from '../paths.js'

type SectionPage = Extract<JourneyPage, { kind: 'section' }>

export function answersByItem(answers: readonly StoredAnswer[], questionnaireId: string): Map<string, string[]> {
  const byItem = new Map<string, string[]>()
  for (const a of answers) {
    if (a.questionnaireId !== questionnaireId) continue
    byItem.set(a.itemId, [...(byItem.get(a.itemId) ?? []), a.value])
  }
  return byItem
}

/** The page's answer errors, beside each item and in the error summary, in the order the items are shown. */
function answerErrors(errors: readonly FieldError[] = []) {
  return formErrors(errors.map((e) => ({ field: e.itemId, message: e.message })))
}

function backLink(ctx: SurveyContext, pageKey: string, changing: boolean) {
  if (changing) return { href: journeyUrl(ctx.response.resumeToken, 'check-answers') }
  const index = ctx.pages.findIndex((p) => p.key === pageKey)
  return index > 0 ? { href: journeyUrl(ctx.response.resumeToken, ctx.pages[index - 1]) } : undefined
}

export function sectionPageModel(
  ctx: SurveyContext,
  page: SectionPage,
  values: Map<string, string[]>,
  opts: { errors?: FieldError[]; changing: boolean; formAction: string },
) {
  const intervention = ctx.programme.intervention
  const { errors, errorSummary } = answerErrors(opts.errors)
  const sectionPages = ctx.pages.filter((p) => p.kind === 'section')
  return {
    title: fillIntervention(page.section.title, intervention),
    caption: fillIntervention(page.questionnaire.title, intervention),
    introduction: page.section.introduction && fillIntervention(page.section.introduction, intervention),
    progress: `Page ${sectionPages.findIndex((p) => p.key === page.key) + 1} of ${sectionPages.length}`,
    demo: ctx.programme.isDemo,
    fields: page.section.items.map((item) => itemField(item, intervention, values.get(item.id) ?? [], errors[item.id])),
    errorSummary,
    formAction: opts.formAction,
    backLink: backLink(ctx, page.key, opts.changing),
  }
}

export function aboutYouPageModel(ctx: SurveyContext, chosen: { role?: string; setting?: string }, fieldErrors: FieldError[], formAction: string) {
  const { errors, errorSummary } = answerErrors(fieldErrors)
  const settingQuestion = {
    name: 'setting',
    idPrefix: 'setting',
    legend: `Which part of ${ctx.programme.intervention} is closest to your work?`,
    errorMessage: errors.setting,
    items: SETTINGS.map((s: Setting) => ({ value: s, text: SETTING_LABELS[s], checked: chosen.setting === s })),
  }
  return {
    title: 'About you',
    demo: ctx.programme.isDemo,
    errorSummary,
    formAction,
    settingQuestion,
    roleQuestion: {
      name: 'role',
      idPrefix: 'role',
      legend: 'What is your role?',
      legendClasses: 'nhsuk-fieldset__legend--l',
      legendIsPageHeading: true,
      hint: 'We use this to show you the questions that fit your work and to report answers by group. We do not ask for your name.',
      errorMessage: errors.role,
      items: ROLES.map((role) => ({ value: role.code, text: role.label, checked: chosen.role === role.code, settingQuestion: role.setting === null })),
    },
  }
}

export function checkAnswersPageModel(ctx: SurveyContext, answers: readonly StoredAnswer[]) {
  const intervention = ctx.programme.intervention
  const token = ctx.response.resumeToken
  const role = ctx.response.role ? findRole(ctx.response.role) : undefined
  const aboutYouRows = ctx.askAboutYou
    ? [
        {
          key: 'Your role',
          value: [role?.label ?? 'Not answered', ...(role?.setting === null && ctx.response.setting ? [SETTING_LABELS[ctx.response.setting]] : [])],
          action: { href: `${journeyUrl(token, ctx.pages[0])}?change=1`, text: 'Change', visuallyHiddenText: 'your role' },
        },
      ]
    : []
  const sections = ctx.pages.flatMap((page) => {
    if (page.kind !== 'section') return []
    const values = answersByItem(answers, page.questionnaire.id)
    const title = fillIntervention(page.section.title, intervention)
    return [
      {
        title,
        caption: fillIntervention(page.questionnaire.title, intervention),
        changeHref: `${journeyUrl(token, page)}?change=1`,
        rows: page.section.items.map((item) => ({
          key: fillIntervention(item.text, intervention),
          value: answerText(item, intervention, values.get(item.id) ?? []),
        })),
      },
    ]
  })
  return { title: 'Check your answers before sending them', demo: ctx.programme.isDemo, aboutYouRows, sections, formAction: journeyUrl(token, 'check-answers') }
}
