// Start pages for personal invitations (/s/:token) and open practice links (/p/:practiceCode/:waveSlug).
import type { Request, Response } from 'express'
import type { Config } from '../../config.js'
import type { SurveyService } from '../../services/survey-service.js'
import { journeyUrl, openLinkPath } from '../paths.js'
import { resumeCookieExpiry } from '../../survey/resume-cookie-expiry.js'
import type { OpenLinkStartLimits } from '../../survey/open-link-starts.js'
import { earlierResponseModel, startPageModel } from './start-page-model.js'

export function startRoutes(survey: SurveyService, config: Config) {
  const requestedOpenLink = (req: Request) => openLinkPath(String(req.params.practiceCode), String(req.params.waveSlug))
  const cookieName = (req: Request) => `ls_resume_${String(req.params.practiceCode)}_${String(req.params.waveSlug)}`.replace(/[^A-Za-z0-9_-]/g, '_')

  return {
    async showInvitation(req: Request, res: Response) {
      const link = await survey.invitation(String(req.params.token))
      if (link.response) return res.redirect(303, journeyUrl(link.response.resumeToken))
      res.render('pages/survey/start', { ...startPageModel(link), formAction: req.originalUrl, earlier: undefined })
    },

    async startInvitation(req: Request, res: Response) {
      const response = await survey.startFromInvitation(String(req.params.token))
      res.redirect(303, journeyUrl(response.resumeToken))
    },

    async showOpenLink(req: Request, res: Response) {
      const link = await survey.openLink(String(req.params.practiceCode), String(req.params.waveSlug))
      const earlier = await survey.findByResumeToken(String(req.cookies?.[cookieName(req)] ?? ''))
      res.render('pages/survey/start', {
        ...startPageModel(link),
        formAction: requestedOpenLink(req),
        earlier: earlierResponseModel(earlier),
      })
    },

    async tooManyStarts(req: Request, which: keyof OpenLinkStartLimits) {
      await survey.openLinkLimited(String(req.params.practiceCode), String(req.params.waveSlug), which)
    },

    async startOpenLink(req: Request, res: Response) {
      const link = await survey.openLink(String(req.params.practiceCode), String(req.params.waveSlug))
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
