// The pages of a survey in progress, addressed by the response's resume token, each in the response's language.
import type { Request, Response } from 'express'
import type { Config } from '../../config.js'
import { BadRequestError, NotFoundError } from '../../errors.js'
import type { SurveyContext, SurveyService } from '../../services/survey-service.js'
import { sectionPageKey, type JourneyPage } from '../../survey/journey-pages.js'
import type { FormBody } from '../../survey/page-answers.js'
import { journeyUrl } from '../paths.js'
import { parseAboutYou } from './about-you-form.js'
import { aboutYouPageModel, answersByItem, checkAnswersPageModel, confirmationPageModel, sectionPageModel } from './journey-page-models.js'
import { speak } from './respondent-language.js'

const isChanging = (req: Request) => req.query.change === '1'
const body = (req: Request) => (req.body ?? {}) as FormBody

export function journeyRoutes(survey: SurveyService, config: Config) {
  /** The response's survey; from here on the page, and any error it raises, speaks the response's language. */
  const context = async (req: Request, res: Response, opts: { allowSubmitted?: boolean } = {}) => {
    const response = await survey.response(String(req.params.token))
    speak(res, response.language)
    return survey.context(response, opts)
  }
  /**
   * After a save: back to "Check your answers" when changing an answer, otherwise on to the first page not yet saved,
   * which `next` finds.
   */
  const afterSave = async (ctx: SurveyContext, req: Request, next: () => Promise<JourneyPage | undefined>) => {
    const token = ctx.response.resumeToken
    if (isChanging(req)) return journeyUrl(token, 'check-answers')
    return journeyUrl(token, (await next()) ?? 'check-answers')
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
      const ctx = await context(req, res)
      const next = await survey.nextPage(ctx)
      res.redirect(303, journeyUrl(ctx.response.resumeToken, next ?? 'check-answers'))
    },

    async showAboutYou(req: Request, res: Response) {
      const ctx = await context(req, res)
      if (!ctx.askAboutYou) throw new NotFoundError()
      const chosen = { role: ctx.response.role ?? undefined, setting: ctx.response.setting ?? undefined }
      res.render('pages/survey/about-you', aboutYouPageModel(ctx, chosen, [], req.originalUrl, res.locals.t))
    },

    async saveAboutYou(req: Request, res: Response) {
      const ctx = await context(req, res)
      if (!ctx.askAboutYou) throw new NotFoundError()
      const result = parseAboutYou(body(req), ctx.intervention, res.locals.t)
      if ('errors' in result)
        return res.status(422).render('pages/survey/about-you', aboutYouPageModel(ctx, result.chosen, result.errors, req.originalUrl, res.locals.t))
      await survey.saveAboutYou(ctx, result.role, result.setting)
      // The role decides the pages, so the context is read again.
      res.redirect(303, await afterSave(ctx, req, async () => survey.nextPage(await survey.context(await survey.response(ctx.response.resumeToken)))))
    },

    async showSection(req: Request, res: Response) {
      const ctx = await context(req, res)
      const page = sectionPage(ctx, req)
      const values = answersByItem(await survey.answers(ctx), page.questionnaire.id)
      res.render('pages/survey/section', sectionPageModel(ctx, page, values, res.locals.t, { changing: isChanging(req), formAction: req.originalUrl }))
    },

    async saveSection(req: Request, res: Response) {
      const ctx = await context(req, res)
      const page = sectionPage(ctx, req)
      const action = body(req).action
      if (action !== undefined && action !== 'continue' && action !== 'save-later') throw new BadRequestError()
      const finished = action !== 'save-later'
      const result = await survey.savePage(ctx, page, body(req), { finished })
      if (result.errors.length > 0) {
        const model = sectionPageModel(ctx, page, result.entered, res.locals.t, {
          errors: result.errors,
          changing: isChanging(req),
          formAction: req.originalUrl,
        })
        return res.status(422).render('pages/survey/section', model)
      }
      res.redirect(303, finished ? await afterSave(ctx, req, () => survey.nextPage(ctx)) : journeyUrl(ctx.response.resumeToken, 'saved'))
    },

    async showSaved(req: Request, res: Response) {
      const ctx = await context(req, res)
      res.render('pages/survey/saved', {
        title: res.locals.t('survey:saved.title'),
        demo: ctx.programme.isDemo,
        resumeUrl: `${config.baseUrl}${journeyUrl(ctx.response.resumeToken)}`,
        continueHref: journeyUrl(ctx.response.resumeToken),
      })
    },

    async showCheckAnswers(req: Request, res: Response) {
      const ctx = await context(req, res)
      const next = await survey.nextPage(ctx)
      if (next) return res.redirect(303, journeyUrl(ctx.response.resumeToken, next))
      res.render('pages/survey/check-answers', { ...checkAnswersPageModel(ctx, await survey.answers(ctx), res.locals.t), wide: false })
    },

    async submit(req: Request, res: Response) {
      const ctx = await context(req, res)
      if (Object.keys(body(req)).some((key) => key !== '_csrf')) throw new BadRequestError()
      const next = await survey.nextPage(ctx)
      if (next) return res.redirect(303, journeyUrl(ctx.response.resumeToken, next))
      await survey.submit(ctx)
      res.redirect(303, journeyUrl(ctx.response.resumeToken, 'confirmation'))
    },

    async showConfirmation(req: Request, res: Response) {
      const ctx = await context(req, res, { allowSubmitted: true })
      if (ctx.response.status !== 'submitted') return res.redirect(303, journeyUrl(ctx.response.resumeToken))
      res.render('pages/survey/confirmation', confirmationPageModel(ctx, res.locals.t))
    },
  }
}
