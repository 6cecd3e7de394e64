// A programme's practices: the list, adding and changing one, removing one after a confirmation (refused while it has
// responses), and importing many from a CSV file through a preview.
import type { Request, Response } from 'express'
import { BadRequestError, ValidationError } from '../../errors.js'
import { say, type Message } from '../../i18n/translate.js'
import { signedInUser } from '../../middleware/require-staff.js'
import { CSV_TEMPLATE } from '../../services/practice-import.js'
import type { PracticeService } from '../../services/practice-service.js'
import { ensureWritable } from '../../services/writable-programme.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import { practicesPath } from '../paths.js'
import { importFormPageModel, importPreviewPageModel } from './import-page-model.js'
import { serviceRefusal } from '../form-errors.js'
import { issueOf, type FieldIssue } from '../../validation/field-issues.js'
import { practiceFormPageModel, practicesPageModel, practiceValues, removePageModel, savedValues, type PracticeFormPage } from './practices-page-model.js'

const refused = (work: () => Promise<unknown>) => serviceRefusal(work)

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>

export function practiceRoutes(scope: StaffScopeService, practices: PracticeService) {
  const programmeOf = (req: Request, res: Response) => scope.programme(signedInUser(res), String(req.params.slug))
  /** For the pages that change practices: an archived programme's are read-only. */
  const writableProgrammeOf = async (req: Request, res: Response) => ensureWritable(await programmeOf(req, res))
  /** A practice to change or remove, of a programme in use. */
  async function practiceOf(req: Request, res: Response) {
    const found = await scope.practice(signedInUser(res), String(req.params.slug), String(req.params.code))
    ensureWritable(found.programme)
    return { ...found, waves: await practices.waves(found.programme) }
  }
  const showForm = (res: Response, status: number, page: PracticeFormPage) =>
    res.status(status).render('pages/practices/practice-form', practiceFormPageModel(page, res.locals.t))
  const showImport = (res: Response, status: number, programme: Awaited<ReturnType<typeof programmeOf>>, issues: FieldIssue[] = []) =>
    res.status(status).render('pages/practices/import', importFormPageModel(programme, res.locals.t, issues))
  const pageWords = (res: Response) => ({ t: res.locals.t, format: res.locals.format })
  /** What the service refused, in the page's language. */
  const wordsOf = (res: Response, issue: FieldIssue) => (issue.text ? say(res.locals.t, issue.text) : issue.message)

  /** The uploaded file's bytes, or why there are none to read. */
  function uploaded(req: Request, res: Response): { name: string; bytes: Buffer } | { refusal: Message } {
    if (res.locals.uploadRefusal) return { refusal: res.locals.uploadRefusal }
    const file = req.file
    if (!file || !file.originalname) return { refusal: { key: 'study:practices.import.errors.missing' } }
    if (!/\.csv$/i.test(file.originalname)) return { refusal: { key: 'study:practices.import.errors.notCsv' } }
    return { name: file.originalname, bytes: file.buffer }
  }

  return {
    async list(req: Request, res: Response) {
      const programme = await programmeOf(req, res)
      res.render(
        'pages/practices/practices',
        practicesPageModel(programme, await practices.waves(programme), await practices.list(programme), res.locals.t, res.locals.format),
      )
    },

    async newForm(req: Request, res: Response) {
      const programme = await writableProgrammeOf(req, res)
      const waves = await practices.waves(programme)
      showForm(res, 200, { programme, waves, values: practiceValues({}, waves) })
    },

    async create(req: Request, res: Response) {
      const programme = await writableProgrammeOf(req, res)
      const waves = await practices.waves(programme)
      const values = practiceValues(body(req), waves)
      const issues = await refused(() => practices.add(signedInUser(res), programme.slug, values))
      if (issues) return showForm(res, 422, { programme, waves, values, issues })
      res.redirect(303, `${practicesPath(programme.slug)}#practice-${values.code.trim()}`)
    },

    async editForm(req: Request, res: Response) {
      const { programme, practice, waves } = await practiceOf(req, res)
      const stages = (await practices.list(programme)).find((s) => s.practice.id === practice.id)?.stages ?? new Map()
      showForm(res, 200, { programme, waves, practice, values: savedValues(practice, stages, waves) })
    },

    async edit(req: Request, res: Response) {
      const { programme, practice, waves } = await practiceOf(req, res)
      const values = { ...practiceValues(body(req), waves), code: practice.code }
      const issues = await refused(() => practices.edit(signedInUser(res), practice.code, values, programme.slug))
      if (issues) return showForm(res, 422, { programme, waves, practice, values, issues })
      res.redirect(303, `${practicesPath(programme.slug)}#practice-${practice.code}`)
    },

    async confirmRemove(req: Request, res: Response) {
      const { programme, practice } = await practiceOf(req, res)
      res.render('pages/practices/remove', removePageModel(programme, practice, await practices.removalRefusal(practice), res.locals.t))
    },

    async remove(req: Request, res: Response) {
      const { programme, practice } = await practiceOf(req, res)
      const issues = await refused(() => practices.remove(signedInUser(res), practice.code, programme.slug))
      if (issues)
        return res.status(409).render('pages/practices/remove', removePageModel(programme, practice, issues[0]!.text ?? issues[0]!.message, res.locals.t))
      res.redirect(303, practicesPath(programme.slug))
    },

    async importForm(req: Request, res: Response) {
      showImport(res, 200, await writableProgrammeOf(req, res))
    },

    /** Reads the file and shows what importing it would do; nothing is saved yet. */
    async preview(req: Request, res: Response) {
      const programme = await writableProgrammeOf(req, res)
      const file = uploaded(req, res)
      if ('refusal' in file) return showImport(res, 422, programme, [issueOf('file', file.refusal)])
      try {
        const plan = await practices.previewImport(programme.slug, file.bytes)
        res.render(
          'pages/practices/import-preview',
          importPreviewPageModel(programme, plan, { name: file.name, base64: file.bytes.toString('base64') }, pageWords(res)),
        )
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        showImport(res, 422, programme, error.issues.slice(0, 1))
      }
    },

    /** Applies the previewed plan; when the practices changed meanwhile, shows the new preview instead and saves nothing. */
    async confirm(req: Request, res: Response) {
      const programme = await writableProgrammeOf(req, res)
      const { csv, fileName, plan } = body(req)
      if (typeof csv !== 'string' || typeof plan !== 'string') throw new BadRequestError()
      const bytes = Buffer.from(csv, 'base64')
      const issues = await refused(() => practices.confirmImport(signedInUser(res), programme.slug, bytes, plan))
      if (!issues) return res.redirect(303, practicesPath(programme.slug))
      const now = await practices.previewImport(programme.slug, bytes)
      const model = importPreviewPageModel(programme, now, { name: String(fileName ?? 'practices.csv'), base64: csv }, pageWords(res), wordsOf(res, issues[0]!))
      res.status(409).render('pages/practices/import-preview', model)
    },

    async template(req: Request, res: Response) {
      await programmeOf(req, res)
      res.attachment('practices-template.csv').type('text/csv; charset=utf-8').send(CSV_TEMPLATE)
    },
  }
}
