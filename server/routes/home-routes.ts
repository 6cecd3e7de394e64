import type { Request, Response } from 'express'
import type { Config } from '../config.js'
import type { Services } from '../services/index.js'

export function homeRoutes(services: Services, config: Config) {
  return {
    async index(_req: Request, res: Response) {
      const demoLinks = (await services.admin.demoOpenLinks()).map((l) => ({ href: l.path, text: `${l.practiceName}: ${l.waveTitle}` }))
      res.render('pages/home/index', { title: 'Home', demoLinks, demo: demoLinks.length > 0 && config.demo })
    },
    privacy: (_req: Request, res: Response) => res.render('pages/home/privacy', { title: 'Privacy' }),
    accessibility: (_req: Request, res: Response) => res.render('pages/home/accessibility', { title: 'Accessibility' }),
  }
}
