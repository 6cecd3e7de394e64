import type { Request, Response } from 'express'
import type { Config } from '../config.js'
import type { Services } from '../services/index.js'
import { studyDetailsModel } from './survey/study-details.js'

export function homeRoutes(services: Services, config: Config) {
  return {
    async index(_req: Request, res: Response) {
      const demoLinks = (await services.admin.demoOpenLinks()).map((l) => ({ href: l.path, text: `${l.practiceName}: ${l.waveTitle}` }))
      res.render('pages/home/index', { title: 'Home', demoLinks, demo: demoLinks.length > 0 && config.demo })
    },
    /** With `?programme=`, the details of that study too, as its start page gives them. */
    async privacy(req: Request, res: Response) {
      const slug = typeof req.query.programme === 'string' ? req.query.programme : undefined
      const programme = slug ? await services.programmes.lookup(slug) : undefined
      res.render('pages/home/privacy', { title: 'Privacy', studyName: programme?.name, study: programme && studyDetailsModel(programme) })
    },
    accessibility: (_req: Request, res: Response) => res.render('pages/home/accessibility', { title: 'Accessibility' }),
  }
}
