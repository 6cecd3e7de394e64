// A programme's waves: the list, adding (or copying) one, changing one, and opening or closing one after a confirmation.
import type { Request, Response } from 'express'
import { NotFoundError } from '../../errors.js'
import type { Message } from '../../i18n/translate.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { QuestionnaireCatalogue } from '../../services/questionnaire-catalogue.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import { ensureWritable } from '../../services/writable-programme.js'
import { openRefusal, type WaveService, type WaveSummary } from '../../services/wave-service.js'
import { wavesPath } from '../paths.js'
import { programmeWave } from './programme-wave.js'
import { pageIssue, parseWaveForm, type WaveFormInput } from './wave-form.js'
import { serviceRefusal } from '../form-errors.js'
import { blankWaveValues, waveFormPageModel, wavesPageModel, waveStatusPageModel, type WaveFormPage } from './waves-page-model.js'

/** What the service refused, worded for this page. */
const refused = (work: () => Promise<unknown>) => serviceRefusal(work, pageIssue)

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>
const lockedReason = ({ activity }: WaveSummary): Message | undefined =>
  activity.answered > 0 ? { key: 'study:waves.form.locked', values: { count: activity.answered } } : undefined
const words = (res: Response) => ({ t: res.locals.t, format: res.locals.format })

export function waveRoutes(scope: StaffScopeService, waves: WaveService, catalogue: QuestionnaireCatalogue) {
  const slots = () => catalogue.list().length
  const programmeOf = (req: Request, res: Response) => scope.programme(signedInUser(res), String(req.params.slug))
  /** For the pages that change waves: an archived programme's are read-only. */
  const writableProgrammeOf = async (req: Request, res: Response) => ensureWritable(await programmeOf(req, res))
  const waveOf = (req: Request, res: Response) => programmeWave(scope, waves, req, res, { writable: true })
  const showForm = (res: Response, status: number, page: WaveFormPage) =>
    res.status(status).render('pages/waves/wave-form', waveFormPageModel(catalogue, page, words(res)))

  function statusPage(change: 'open' | 'close') {
    return async (req: Request, res: Response) => {
      const { programme, summary } = await waveOf(req, res)
      const refusal = change === 'open' ? openRefusal(summary.wave, waves.today()) : undefined
      res.render('pages/waves/wave-status', waveStatusPageModel(programme, summary.wave, change, await waves.reach(summary.wave), words(res), refusal))
    }
  }

  function setStatus(change: 'open' | 'close') {
    return async (req: Request, res: Response) => {
      const { programme, summary } = await waveOf(req, res)
      const issues = await refused(() => waves[change](signedInUser(res), programme.slug, summary.wave.slug))
      if (!issues) return res.redirect(303, `${wavesPath(programme.slug)}#wave-${summary.wave.slug}`)
      const model = waveStatusPageModel(programme, summary.wave, change, await waves.reach(summary.wave), words(res), issues[0]!.text ?? issues[0]!.message)
      res.status(422).render('pages/waves/wave-status', model)
    }
  }

  return {
    async list(req: Request, res: Response) {
      const programme = await programmeOf(req, res)
      const times = await waves.completionTimes(programme)
      res.render('pages/waves/waves', wavesPageModel(programme, catalogue, await waves.list(programme), times, waves.today(), words(res)))
    },

    /** With ?from=<wave>, the form comes filled in with that wave's questionnaires, for the next wave of the study. */
    async newForm(req: Request, res: Response) {
      const programme = await writableProgrammeOf(req, res)
      const from = typeof req.query.from === 'string' ? (await waves.list(programme)).find((s) => s.wave.slug === req.query.from) : undefined
      if (req.query.from !== undefined && !from) throw new NotFoundError()
      showForm(res, 200, { programme, values: blankWaveValues(from?.wave.questionnaireIds ?? [], slots()) })
    },

    async create(req: Request, res: Response) {
      const programme = await writableProgrammeOf(req, res)
      const form = parseWaveForm(body(req), slots(), true)
      if ('issues' in form) return showForm(res, 422, { programme, ...form })
      const issues = await refused(() => waves.add(signedInUser(res), { programme: programme.slug, ...form.input }))
      if (issues) return showForm(res, 422, { programme, values: form.values, issues })
      res.redirect(303, `${wavesPath(programme.slug)}#wave-${form.input.slug}`)
    },

    async editForm(req: Request, res: Response) {
      const { programme, summary } = await waveOf(req, res)
      const { wave } = summary
      const values = {
        ...blankWaveValues(wave.questionnaireIds, slots()),
        slug: wave.slug,
        title: wave.title,
        opensOn: wave.opensOn ?? '',
        closesOn: wave.closesOn ?? '',
      }
      showForm(res, 200, { programme, wave, values, questionnairesLocked: lockedReason(summary) })
    },

    async edit(req: Request, res: Response) {
      const { programme, summary } = await waveOf(req, res)
      const { wave } = summary
      const form = parseWaveForm(body(req), slots(), false)
      const page = { programme, wave, values: { ...form.values, slug: wave.slug }, questionnairesLocked: lockedReason(summary) }
      if ('issues' in form) return showForm(res, 422, { ...page, issues: form.issues })
      const { title, opensOn, closesOn, questionnaires }: WaveFormInput = form.input
      const edit = { title, opensOn: opensOn ?? null, closesOn: closesOn ?? null, questionnaires }
      const issues = await refused(() => waves.edit(signedInUser(res), programme.slug, wave.slug, edit))
      if (issues) return showForm(res, 422, { ...page, issues })
      res.redirect(303, `${wavesPath(programme.slug)}#wave-${wave.slug}`)
    },

    confirmOpen: statusPage('open'),
    confirmClose: statusPage('close'),
    open: setStatus('open'),
    close: setStatus('close'),
  }
}
