// The pages of a survey in progress, addressed by the response's resume token.
import type { Request, Response } from 'express'
import type { Config } from '../../config.js'
import { BadRequestError, NotFoundError } from '../../errors.js'
import type { SurveyContext, SurveyService } from '../../services/survey-service.js'
import { sectionPageKey } from '../../survey/journey-pages.js'
import type { FormBody } from '../../survey/page-answers.js'
import { journeyUrl } from '../paths.js'
import { parseAboutYou } from './about-you-form.js'
import { aboutYouPageModel, answersByItem, checkAnswersPageModel, sectionPageModel } from './journey-page-models.js'
import { studyDetailsModel, studyPrivacyPath } from './study-details.js'

const isChanging = (req: Request) => req.query.change === '1'
const body = (req: Request) => (req.body ?? {}) as FormBody

export function journeyRoutes(survey: SurveyService, config: Config) {
  const context = (req: Request) => survey.context(String(req.params.token))
  /** After a save: back to "Check your answers" when changing an answer, otherwise on to the first page not yet saved. */
  const afterSave = async (ctx: SurveyContext, req: Request) => {
    const token = ctx.response.resumeToken
    return isChanging(req) ? journeyUrl(token, 'check-answers') : journeyUrl(token, survey.nextPage(await survey.context(token)) ?? 'check-answers')
  }

  function sectionPage(ctx: SurveyContext, req: Request) {
    const key = sectionPageKey(String(req.params.questionnaireId), String(req.params.sectionId))
    const page = ctx.pages.find((p) => p.key === key)
    if (!page || page.kind !== 'section') throw new NotFoundError()
    return page
  }

  return {
    /** Continues where the person stopped. */
    async resume(req: Request, res: Response) {
      const ctx = await context(req)
      const next = survey.nextPage(ctx)
      res.redirect(303, journeyUrl(ctx.response.resumeToken, next ?? 'check-answers'))
    },

    async showAboutYou(req: Request, res: Response) {
      const ctx = await context(req)
      if (!ctx.askAboutYou) throw new NotFoundError()
      const chosen = { role: ctx.response.role ?? undefined, setting: ctx.response.setting ?? undefined }
      res.render('pages/survey/about-you', aboutYouPageModel(ctx, chosen, [], req.originalUrl))
    },

    async saveAboutYou(req: Request, res: Response) {
      const ctx = await context(req)
      if (!ctx.askAboutYou) throw new NotFoundError()
      const result = parseAboutYou(body(req), ctx.programme.intervention)
      if ('errors' in result) return res.status(422).render('pages/survey/about-you', aboutYouPageModel(ctx, result.chosen, result.errors, req.originalUrl))
      await survey.saveAboutYou(ctx, result.role, result.setting)
      res.redirect(303, await afterSave(ctx, req))
    },

    async showSection(req: Request, res: Response) {
      const ctx = await context(req)
      const page = sectionPage(ctx, req)
      const values = answersByItem(await survey.answers(ctx), page.questionnaire.id)
      res.render('pages/survey/section', sectionPageModel(ctx, page, values, { changing: isChanging(req), formAction: req.originalUrl }))
    },

    async saveSection(req: Request, res: Response) {
      const ctx = await context(req)
      const page = sectionPage(ctx, req)
      const action = body(req).action
      if (action !== undefined && action !== 'continue' && action !== 'save-later') throw new BadRequestError()
      const finished = action !== 'save-later'
      const result = await survey.savePage(ctx, page, body(req), { finished })
      if (result.errors.length > 0) {
        const model = sectionPageModel(ctx, page, result.entered, { errors: result.errors, changing: isChanging(req), formAction: req.originalUrl })
        return res.status(422).render('pages/survey/section', model)
      }
      res.redirect(303, finished ? await afterSave(ctx, req) : journeyUrl(ctx.response.resumeToken, 'saved'))
    },

    async showSaved(req: Request, res: Response) {
      const ctx = await context(req)
      res.render('pages/survey/saved', {
        title: 'Your answers have been saved',
        demo: ctx.programme.isDemo,
        resumeUrl: `${config.baseUrl}${journeyUrl(ctx.response.resumeToken)}`,
        continueHref: journeyUrl(ctx.response.resumeToken),
      })
    },

    async showCheckAnswers(req: Request, res: Response) {
      const ctx = await context(req)
      const next = survey.nextPage(ctx)
      if (next) return res.redirect(303, journeyUrl(ctx.response.resumeToken, next))
      res.render('pages/survey/check-answers', { ...checkAnswersPageModel(ctx, await survey.answers(ctx)), wide: false })
    },

    async submit(req: Request, res: Response) {
      const ctx = await context(req)
      if (Object.keys(body(req)).some((key) => key !== '_csrf')) throw new BadRequestError()
      const next = survey.nextPage(ctx)
      if (next) return res.redirect(303, journeyUrl(ctx.response.resumeToken, next))
      await survey.submit(ctx)
      res.redirect(303, journeyUrl(ctx.response.resumeToken, 'confirmation'))
    },

    async showConfirmation(req: Request, res: Response) {
      const ctx = await survey.context(String(req.params.token), { allowSubmitted: true })
      if (ctx.response.status !== 'submitted') return res.redirect(303, journeyUrl(ctx.response.resumeToken))
      res.render('pages/survey/confirmation', {
        title: 'Thank you: your answers have been sent',
        demo: ctx.programme.isDemo,
        programmeName: ctx.programme.organisation ?? ctx.programme.name,
        study: studyDetailsModel(ctx.programme),
        privacyHref: studyPrivacyPath(ctx.programme),
        minGroupSize: ctx.programme.minPracticeN,
      })
    },
  }
}
