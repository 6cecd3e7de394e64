// The e-mail invitations page of a wave: send a practice's invitations, remind those not yet finished, delete the
// addresses. Each form reports its mistakes through the one error helper and redirects (303) to the page with what it did.
import type { Request, Response } from 'express'
import { signedInUser } from '../../middleware/require-staff.js'
import { MOST_ADDRESSES, SMTP_NOT_CONFIGURED, type EmailInvitationService } from '../../services/email-invitation-service.js'
import type { PracticeService } from '../../services/practice-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import type { WaveService } from '../../services/wave-service.js'
import { isTakingResponses } from '../../survey/wave-availability.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { serviceRefusal } from '../form-errors.js'
import { withQuery } from '../paths.js'
import { DEFAULT_REMINDER_DAYS, parseEmailForm, parseReminderDays, type AddressUpload, type EmailFormValues } from './email-invitation-form.js'
import { emailInvitationsPageModel, emailInvitationsPath, type EmailInvitationsPage, type EmailOutcome } from './email-invitations-page-model.js'
import { programmeWave } from './programme-wave.js'

const BLANK: EmailFormValues = { practice: '', addresses: '', role: '' }

function uploaded(req: Request, res: Response): AddressUpload {
  if (res.locals.uploadRefusal) return { refusal: res.locals.uploadRefusal }
  const file = req.file
  return file && file.originalname ? { name: file.originalname, bytes: file.buffer } : undefined
}

const count = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined)

function outcomeOf(query: Request['query']): EmailOutcome {
  return { sent: count(query.sent), bounced: count(query.bounced), reminded: count(query.reminded), deleted: count(query.deleted) }
}

export function emailInvitationRoutes(scope: StaffScopeService, waves: WaveService, practices: PracticeService, email: EmailInvitationService) {
  async function pageOf(req: Request, res: Response): Promise<Omit<EmailInvitationsPage, 'values' | 'days'>> {
    const { programme, summary } = await programmeWave(scope, waves, req, res, { writable: true })
    const wave = summary.wave
    const [listed, counts] = await Promise.all([practices.list(programme), email.counts(wave)])
    return {
      programme,
      wave,
      practices: listed.map(({ practice }) => ({ id: practice.id, code: practice.code, name: practice.name })),
      counts,
      configured: email.configured,
      taking: isTakingResponses(wave, waves.today()),
      most: MOST_ADDRESSES,
    }
  }
  const show = (res: Response, status: number, page: EmailInvitationsPage) =>
    res.status(status).render('pages/waves/email-invitations', emailInvitationsPageModel(page, { t: res.locals.t, format: res.locals.format }))
  const refused = (
    res: Response,
    page: Omit<EmailInvitationsPage, 'values' | 'days'>,
    issues: FieldIssue[],
    values = BLANK,
    days = String(DEFAULT_REMINDER_DAYS),
  ) => show(res, 422, { ...page, values, days, issues })
  const done = (res: Response, page: { programme: { slug: string }; wave: { slug: string } }, query: Record<string, number>) =>
    res.redirect(
      303,
      withQuery(emailInvitationsPath(page.programme.slug, page.wave.slug), Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))),
    )

  return {
    async page(req: Request, res: Response) {
      show(res, 200, { ...(await pageOf(req, res)), values: BLANK, days: String(DEFAULT_REMINDER_DAYS), outcome: outcomeOf(req.query) })
    },

    async send(req: Request, res: Response) {
      const page = await pageOf(req, res)
      if (!email.configured) throw SMTP_NOT_CONFIGURED
      const form = parseEmailForm((req.body ?? {}) as Record<string, unknown>, uploaded(req, res))
      if ('issues' in form) return refused(res, page, form.issues, form.values)
      let result = { sent: 0, bounced: 0 }
      const issues = await serviceRefusal(async () => (result = await email.send(signedInUser(res), page.programme, page.wave, form.input)))
      if (issues) return refused(res, page, issues, form.values)
      done(res, page, result)
    },

    async remind(req: Request, res: Response) {
      const page = await pageOf(req, res)
      if (!email.configured) throw SMTP_NOT_CONFIGURED
      const form = parseReminderDays((req.body ?? {}) as Record<string, unknown>)
      if ('issues' in form) return refused(res, page, form.issues, BLANK, form.value)
      let reminded = 0
      const issues = await serviceRefusal(async () => (reminded = (await email.remind(signedInUser(res), page.programme, page.wave, form.days)).sent))
      if (issues) return refused(res, page, issues, BLANK, form.value)
      done(res, page, { reminded })
    },

    async deleteAddresses(req: Request, res: Response) {
      const page = await pageOf(req, res)
      done(res, page, { deleted: await email.deleteAddresses(signedInUser(res), page.programme, page.wave) })
    },
  }
}
