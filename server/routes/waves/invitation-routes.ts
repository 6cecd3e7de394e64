// Making a practice's personal invitations for a wave from the Waves page, then downloading or printing them.
import type { Request, Response } from 'express'
import type { Programme } from '../../domain/programme.js'
import type { Wave } from '../../domain/wave.js'
import type { Translate } from '../../i18n/translate.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { InvitationService } from '../../services/invitation-service.js'
import type { PracticeService } from '../../services/practice-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import type { WaveService } from '../../services/wave-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors, serviceRefusal } from '../form-errors.js'
import { withQuery, wavesPath } from '../paths.js'
import { INVITATION_FORM_FIELDS, MOST_AT_ONCE, parseInvitationForm, practiceItems, roleItems, type InvitationFormValues } from './invitation-form.js'
import { lettersPath } from './letters-page-model.js'
import { programmeWave } from './programme-wave.js'

export const newInvitationsPath = (programme: string, wave: string) => `${wavesPath(programme)}/${wave}/invitations/new`
const BLANK: InvitationFormValues = { practice: '', count: '', role: '' }

interface FormPage {
  programme: Programme
  wave: Wave
  practices: { code: string; name: string }[]
  values: InvitationFormValues
  issues?: readonly FieldIssue[]
  made?: { count: number; practice: { code: string; name: string } }
}

function formModel(page: FormPage, t: Translate) {
  const { programme, wave, values } = page
  const { errors, errorSummary } = formErrors(page.issues ?? [], { order: INVITATION_FORM_FIELDS, t })
  return {
    title: t('study:invitations.title', { wave: wave.title }),
    backHref: `${wavesPath(programme.slug)}#wave-${wave.slug}`,
    action: `${wavesPath(programme.slug)}/${wave.slug}/invitations`,
    values,
    errors,
    errorSummary,
    most: MOST_AT_ONCE,
    practiceItems: practiceItems(page.practices, values.practice, t),
    roleItems: roleItems(values.role, t),
    made: page.made && {
      text: t('study:invitations.made', { count: page.made.count, practice: page.made.practice.name }),
      csvHref: `${wavesPath(programme.slug)}/${wave.slug}/invitations.csv`,
      lettersHref: withQuery(lettersPath(programme.slug, wave.slug), { practice: page.made.practice.code }),
      lettersText: t('study:invitations.letters', { practice: page.made.practice.name }),
    },
  }
}

export function invitationRoutes(scope: StaffScopeService, waves: WaveService, practices: PracticeService, invitations: InvitationService) {
  async function pageOf(req: Request, res: Response) {
    const { programme, summary } = await programmeWave(scope, waves, req, res, { writable: true })
    const listed = (await practices.list(programme)).map(({ practice }) => ({ code: practice.code, name: practice.name }))
    return { programme, wave: summary.wave, practices: listed }
  }

  return {
    async newForm(req: Request, res: Response) {
      const page = await pageOf(req, res)
      const madeCount = Number(req.query.made)
      const madeFor = page.practices.find((p) => p.code === req.query.practice)
      const made = Number.isInteger(madeCount) && madeCount > 0 && madeFor ? { count: madeCount, practice: madeFor } : undefined
      res.render('pages/waves/invitation-form', formModel({ ...page, values: BLANK, made }, res.locals.t))
    },

    async create(req: Request, res: Response) {
      const page = await pageOf(req, res)
      const form = parseInvitationForm((req.body ?? {}) as Record<string, unknown>)
      const issues = 'issues' in form ? form.issues : await serviceRefusal(() => invitations.create(signedInUser(res), page.programme, page.wave, form.input))
      if (issues) return res.status(422).render('pages/waves/invitation-form', formModel({ ...page, values: form.values, issues }, res.locals.t))
      const made = 'input' in form ? form.input : undefined
      res.redirect(303, withQuery(newInvitationsPath(page.programme.slug, page.wave.slug), { made: String(made!.count), practice: made!.practice }))
    },
  }
}
