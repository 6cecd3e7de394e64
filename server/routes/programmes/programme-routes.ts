// Administrators' programme pages: the list, adding a programme, changing its details, archiving it and bringing it back.
import type { Request, Response } from 'express'
import type { Programme } from '../../domain/programme.js'
import { ValidationError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { ProgrammeService } from '../../services/programme-service.js'
import { PROGRAMMES_PATH } from '../paths.js'
import { ensureWritable } from '../../services/writable-programme.js'
import { archivePageModel, programmeFormPageModel, programmesPageModel, programmeValues } from './programmes-page-model.js'

const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>

export function programmeRoutes(programmes: ProgrammeService) {
  /** Saves the form, or shows it again with what is wrong beside each field. */
  const save = (work: (req: Request, res: Response) => Promise<unknown>, programmeOf: (req: Request) => Promise<Programme | undefined>) =>
    async function (req: Request, res: Response) {
      const programme = await programmeOf(req)
      try {
        await work(req, res)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return res
          .status(422)
          .render('pages/programmes/programme-form', programmeFormPageModel(programme, programmeValues(body(req)), res.locals.t, error.issues))
      }
      res.redirect(303, PROGRAMMES_PATH)
    }
  const existing = (req: Request) => programmes.find(String(req.params.slug))

  return {
    async list(_req: Request, res: Response) {
      res.render('pages/programmes/programmes', programmesPageModel(await programmes.list(), res.locals.t, res.locals.format))
    },
    showNew(_req: Request, res: Response) {
      res.render('pages/programmes/programme-form', programmeFormPageModel(undefined, programmeValues(undefined), res.locals.t))
    },
    create: save(
      (req, res) => programmes.create(signedInUser(res), body(req)),
      async () => undefined,
    ),
    async showEdit(req: Request, res: Response) {
      const programme = ensureWritable(await existing(req))
      res.render('pages/programmes/programme-form', programmeFormPageModel(programme, programmeValues(programme), res.locals.t))
    },
    edit: save((req, res) => programmes.edit(signedInUser(res), String(req.params.slug), body(req)), existing),

    async confirmArchive(req: Request, res: Response) {
      const programme = ensureWritable(await existing(req))
      res.render('pages/programmes/programme-archive', archivePageModel(programme, await programmes.archiveRefusal(programme), res.locals.t))
    },
    async archive(req: Request, res: Response) {
      const programme = ensureWritable(await existing(req))
      try {
        await programmes.archive(signedInUser(res), programme.slug, body(req))
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return res
          .status(422)
          .render('pages/programmes/programme-archive', archivePageModel(programme, await programmes.archiveRefusal(programme), res.locals.t, error.issues))
      }
      res.redirect(303, PROGRAMMES_PATH)
    },
    async restore(req: Request, res: Response) {
      await programmes.restore(signedInUser(res), String(req.params.slug))
      res.redirect(303, PROGRAMMES_PATH)
    },
  }
}
