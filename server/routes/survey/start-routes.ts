// Start pages for personal invitations (/s/:token) and open practice links (/p/:practiceCode/:waveSlug).
import type { Request, Response } from 'express'
import type { Config } from '../../config.js'
import type { SurveyLink, SurveyService } from '../../services/survey-service.js'
import { journeyUrl, openLinkPath, withQuery } from '../paths.js'
import { resumeCookieExpiry } from '../../survey/resume-cookie-expiry.js'
import type { OpenLinkStartLimits } from '../../survey/open-link-starts.js'
import { languageQuery, speak, startLanguage } from './respondent-language.js'
import { earlierResponseModel, startPageModel } from './start-page-model.js'

export function startRoutes(survey: SurveyService, config: Config) {
  const requestedOpenLink = (req: Request) => openLinkPath(String(req.params.practiceCode), String(req.params.waveSlug))
  const invitationPath = (req: Request) => `/s/${encodeURIComponent(String(req.params.token))}`
  const cookieName = (req: Request) => `ls_resume_${String(req.params.practiceCode)}_${String(req.params.waveSlug)}`.replace(/[^A-Za-z0-9_-]/g, '_')

  /** The survey in the language this visitor is shown it in, which the page (and any error it raises) then speaks. */
  function shownIn(req: Request, res: Response, link: SurveyLink): SurveyLink {
    const shown = survey.inLanguage(link, startLanguage(req, link.programme))
    speak(res, shown.language)
    return shown
  }

  /** The form starts the response in the language its page is in. */
  const formAction = (path: string, link: SurveyLink) => withQuery(path, languageQuery(link.programme, link.language))

  return {
    async showInvitation(req: Request, res: Response) {
      const found = await survey.invitation(String(req.params.token))
      if (found.response) return res.redirect(303, journeyUrl(found.response.resumeToken))
      const link = shownIn(req, res, found)
      survey.requireOpen(link)
      res.render('pages/survey/start', {
        ...startPageModel(link, res.locals.t),
        formAction: formAction(invitationPath(req), link),
        earlier: undefined,
        emailed: found.emailed,
      })
    },

    async startInvitation(req: Request, res: Response) {
      const link = shownIn(req, res, await survey.invitation(String(req.params.token)))
      const response = await survey.startFromInvitation(String(req.params.token), link.language)
      res.redirect(303, journeyUrl(response.resumeToken))
    },

    async showOpenLink(req: Request, res: Response) {
      const link = shownIn(req, res, await survey.openLink(String(req.params.practiceCode), String(req.params.waveSlug)))
      survey.requireOpen(link)
      const earlier = await survey.findByResumeToken(String(req.cookies?.[cookieName(req)] ?? ''))
      res.render('pages/survey/start', {
        ...startPageModel(link, res.locals.t),
        formAction: formAction(requestedOpenLink(req), link),
        earlier: earlierResponseModel(earlier, res.locals.format),
        emailed: false,
      })
    },

    async tooManyStarts(req: Request, which: keyof OpenLinkStartLimits) {
      await survey.openLinkLimited(String(req.params.practiceCode), String(req.params.waveSlug), which)
    },

    async startOpenLink(req: Request, res: Response) {
      const link = shownIn(req, res, await survey.openLink(String(req.params.practiceCode), String(req.params.waveSlug)))
      const response = await survey.startFromOpenLink(link)
      res.cookie(cookieName(req), response.resumeToken, {
        path: requestedOpenLink(req),
        httpOnly: true,
        sameSite: 'lax',
        secure: config.baseUrl.startsWith('https:'),
        expires: resumeCookieExpiry(link.wave.closesOn),
      })
      res.redirect(303, journeyUrl(response.resumeToken))
    },
  }
}
