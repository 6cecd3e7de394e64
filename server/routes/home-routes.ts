import type { Request, Response } from 'express'
import type { Config } from '../config.js'
import { LANGUAGE_NAMES } from '../i18n/languages.js'
import type { Services } from '../services/index.js'
import { speak, startLanguage } from './survey/respondent-language.js'
import { studyDetailsModel } from './survey/study-details.js'

export function homeRoutes(services: Services, config: Config) {
  return {
    async index(_req: Request, res: Response) {
      const t = res.locals.t
      const demoLinks = (await services.admin.demoOpenLinks()).map((l) => ({
        href: l.path,
        text: t('home:index.demoLink', { practice: l.practiceName, wave: l.waveTitle }),
        // The same start page in the demo's other languages, each link in its own language.
        alsoIn: l.languages
          .filter((language) => language !== res.locals.language)
          .map((language) => ({ href: `${l.path}?lang=${language}`, lang: language, name: LANGUAGE_NAMES[language] })),
      }))
      res.render('pages/home/index', { title: t('home:index.title'), demoLinks, demo: demoLinks.length > 0 && config.demo })
    },
    /**
     * With `?programme=`, the details of that study too, as its start page gives them, in the study's languages as
     * its start page chooses among them (`?lang=` from the page that links here).
     */
    async privacy(req: Request, res: Response) {
      const slug = typeof req.query.programme === 'string' ? req.query.programme : undefined
      const programme = slug ? await services.programmes.lookup(slug) : undefined
      if (programme) speak(res, startLanguage(req, programme))
      res.render('pages/home/privacy', {
        title: res.locals.t('home:privacy.title'),
        studyName: programme?.name,
        study: programme && studyDetailsModel(programme),
      })
    },
    accessibility: (_req: Request, res: Response) => res.render('pages/home/accessibility', { title: res.locals.t('home:accessibility.title') }),
  }
}
