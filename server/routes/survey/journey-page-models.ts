// View models for the pages of a survey in progress, worded in the response's language.
import type { StoredAnswer } from '../../domain/response.js'
import type { Translate } from '../../i18n/translate.js'
import type { SurveyContext } from '../../services/survey-service.js'
import { answerText, itemField, itemWording } from '../../survey/item-fields.js'
import type { JourneyPage } from '../../survey/journey-pages.js'
import type { FieldError } from '../../survey/page-answers.js'
import { ROLES, findRole, roleLabel, settingLabel } from '../../survey/roles.js'
import { SETTINGS, type Setting } from '../../questionnaires/definition-schema.js'
import { formErrors } from '../form-errors.js'
import { journeyUrl } from '../paths.js'
import { studyDetailsModel, studyPrivacyPath } from './study-details.js'

type SectionPage = Extract<JourneyPage, { kind: 'section' }>

export function answersByItem(answers: readonly StoredAnswer[], questionnaireId: string): Map<string, string[]> {
  const byItem = new Map<string, string[]>()
  for (const a of answers) {
    if (a.questionnaireId !== questionnaireId) continue
    byItem.set(a.itemId, [...(byItem.get(a.itemId) ?? []), a.value])
  }
  return byItem
}

/**
 * The page's answer errors (already in the response's language), in the order the items are shown: beside each item the
 * problem alone, since its question stands just above; in the error summary the problem with its question, to tell apart.
 */
function answerErrors(errors: readonly FieldError[] = []) {
  const beside = formErrors(errors.map((e) => ({ field: e.itemId, message: e.problem })))
  const { errorSummary } = formErrors(errors.map((e) => ({ field: e.itemId, message: e.message })))
  return { errors: beside.errors, errorSummary }
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
  t: Translate,
  opts: { errors?: FieldError[]; changing: boolean; formAction: string },
) {
  const wording = itemWording(ctx.intervention, t)
  const { errors, errorSummary } = answerErrors(opts.errors)
  const sectionPages = ctx.pages.filter((p) => p.kind === 'section')
  return {
    title: wording.fill(page.section.title),
    caption: wording.fill(page.questionnaire.title),
    introduction: page.section.introduction && wording.fill(page.section.introduction),
    progress: t('survey:section.progress', { page: sectionPages.findIndex((p) => p.key === page.key) + 1, pages: sectionPages.length }),
    demo: ctx.programme.isDemo,
    fields: page.section.items.map((item) => itemField(item, wording, values.get(item.id) ?? [], errors[item.id])),
    errorSummary,
    formAction: opts.formAction,
    backLink: backLink(ctx, page.key, opts.changing),
  }
}

export function aboutYouPageModel(
  ctx: SurveyContext,
  chosen: { role?: string; setting?: string },
  fieldErrors: FieldError[],
  formAction: string,
  t: Translate,
) {
  const { errors, errorSummary } = answerErrors(fieldErrors)
  const settingQuestion = {
    name: 'setting',
    idPrefix: 'setting',
    legend: t('survey:aboutYou.settingLegend', { intervention: ctx.intervention }),
    errorMessage: errors.setting,
    items: SETTINGS.map((s: Setting) => ({ value: s, text: settingLabel(s, t), checked: chosen.setting === s })),
  }
  return {
    title: t('survey:aboutYou.title'),
    demo: ctx.programme.isDemo,
    errorSummary,
    formAction,
    settingQuestion,
    roleQuestion: {
      name: 'role',
      idPrefix: 'role',
      legend: t('survey:aboutYou.roleLegend'),
      legendClasses: 'nhsuk-fieldset__legend--l',
      legendIsPageHeading: true,
      hint: t('survey:aboutYou.roleHint'),
      errorMessage: errors.role,
      items: ROLES.map((role) => ({ value: role.code, text: roleLabel(role, t), checked: chosen.role === role.code, settingQuestion: role.setting === null })),
    },
  }
}

export function checkAnswersPageModel(ctx: SurveyContext, answers: readonly StoredAnswer[], t: Translate) {
  const wording = itemWording(ctx.intervention, t)
  const token = ctx.response.resumeToken
  const role = ctx.response.role ? findRole(ctx.response.role) : undefined
  const aboutYouRows = ctx.askAboutYou
    ? [
        {
          key: t('survey:checkAnswers.yourRole'),
          value: [
            role ? roleLabel(role, t) : t('survey:answers.notAnswered'),
            ...(role?.setting === null && ctx.response.setting ? [settingLabel(ctx.response.setting, t)] : []),
          ],
          action: {
            href: `${journeyUrl(token, ctx.pages[0])}?change=1`,
            text: t('survey:checkAnswers.change'),
            visuallyHiddenText: t('survey:checkAnswers.changeRole'),
          },
        },
      ]
    : []
  const sections = ctx.pages.flatMap((page) => {
    if (page.kind !== 'section') return []
    const values = answersByItem(answers, page.questionnaire.id)
    const title = wording.fill(page.section.title)
    const answered = page.section.items.filter((item) => (values.get(item.id) ?? []).length > 0).length
    return [
      {
        title,
        caption: wording.fill(page.questionnaire.title),
        summary: t('survey:checkAnswers.answeredOf', { answered, total: page.section.items.length }),
        changeHref: `${journeyUrl(token, page)}?change=1`,
        changeHiddenText: t('survey:checkAnswers.changeSection', { section: title }),
        showHiddenText: t('survey:checkAnswers.showSection', { section: title }),
        rows: page.section.items.map((item) => ({
          key: wording.fill(item.text),
          value: answerText(item, wording, values.get(item.id) ?? []),
        })),
      },
    ]
  })
  return { title: t('survey:checkAnswers.title'), demo: ctx.programme.isDemo, aboutYouRows, sections, formAction: journeyUrl(token, 'check-answers') }
}

export function confirmationPageModel(ctx: SurveyContext, t: Translate) {
  return {
    title: t('survey:confirmation.title'),
    demo: ctx.programme.isDemo,
    programmeName: ctx.programme.organisation ?? ctx.programme.name,
    study: studyDetailsModel(ctx.programme),
    privacyHref: studyPrivacyPath(ctx.programme, ctx.language),
    minGroupSize: ctx.programme.minPracticeN,
  }
}
