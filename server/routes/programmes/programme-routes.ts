// Administrators' programme pages: the list, adding a programme, and changing its details.
import type { Request, Response } from 'express'
import type { Programme } from '../../domain/programme.js'
import { ValidationError } from '../../errors.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { ProgrammeService } from '../../services/programme-service.js'
import { PROGRAMMES_PATH } from '../paths.js'
import { programmeFormPageModel, programmesPageModel, programmeValues } from './programmes-page-model.js'

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
        return res.status(422).render('pages/programmes/programme-form', programmeFormPageModel(programme, programmeValues(body(req)), error.issues))
      }
      res.redirect(303, PROGRAMMES_PATH)
    }
  const existing = (req: Request) => programmes.find(String(req.params.slug))

  return {
    async list(_req: Request, res: Response) {
      res.render('pages/programmes/programmes', programmesPageModel(await programmes.list()))
    },
    showNew(_req: Request, res: Response) {
      res.render('pages/programmes/programme-form', programmeFormPageModel(undefined, programmeValues(undefined)))
    },
    create: save(
      (req, res) => programmes.create(signedInUser(res), body(req)),
      async () => undefined,
    ),
    async showEdit(req: Request, res: Response) {
      const programme = await existing(req)
      res.render('pages/programmes/programme-form', programmeFormPageModel(programme, programmeValues(programme)))
    },
    edit: save((req, res) => programmes.edit(signedInUser(res), String(req.params.slug), body(req)), existing),
  }
}
