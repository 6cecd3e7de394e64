// The signed-in staff member's own sessions: the list, ending one other session and ending all the others.
import type { Request, Response } from 'express'
import { z } from 'zod'
import { BadRequestError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { StaffSessionService } from '../../services/staff-session-service.js'
import { TOKEN_PATTERN } from '../../services/tokens.js'
import { ACCOUNT_SESSIONS_PATH, withQuery } from '../paths.js'
import { sessionsPageModel } from './sessions-page-model.js'

/** The handle comes from a hidden field: anything else was not sent by the page. */
const endForm = z.object({ session: z.string().regex(TOKEN_PATTERN) })
const endedQuery = z.object({ ended: z.coerce.number().int().min(0).max(1000) })

export function accountRoutes(sessions: StaffSessionService) {
  const currentHandle = (req: Request) => req.session.staffSessionHandle
  const backToSessions = (res: Response, ended: number) => res.redirect(303, withQuery(ACCOUNT_SESSIONS_PATH, { ended: String(ended) }))

  return {
    async sessions(req: Request, res: Response) {
      const ended = endedQuery.safeParse(req.query)
      const list = await sessions.list(signedInUser(res), currentHandle(req))
      res.render('pages/staff/sessions', sessionsPageModel(list, res.locals.t, res.locals.format, ended.success ? ended.data.ended : undefined))
    },

    async endOne(req: Request, res: Response) {
      const form = endForm.safeParse(req.body ?? {})
      if (!form.success) throw new BadRequestError()
      await sessions.endOne(signedInUser(res), form.data.session, currentHandle(req))
      backToSessions(res, 1)
    },

    async endOthers(req: Request, res: Response) {
      backToSessions(res, await sessions.endOthers(signedInUser(res), currentHandle(req)))
    },
  }
}
