// Every route of the app, in one readable list.
import { Router } from 'express'
import type { Config } from '../config.js'
import type { Services } from '../services/index.js'
import { homeRoutes } from './home-routes.js'
import { journeyRoutes } from './survey/journey-routes.js'
import { startRoutes } from './survey/start-routes.js'

export function routes(services: Services, config: Config): Router {
  const router = Router()
  const home = homeRoutes(services, config)
  const start = startRoutes(services.survey, config)
  const journey = journeyRoutes(services.survey, config)

  router.get('/', home.index)
  router.get('/privacy', home.privacy)
  router.get('/accessibility', home.accessibility)

  router.get('/s/:token', start.showInvitation)
  router.post('/s/:token', start.startInvitation)
  router.get('/p/:practiceCode/:waveSlug', start.showOpenLink)
  router.post('/p/:practiceCode/:waveSlug', start.startOpenLink)

  router.get('/r/:token', journey.resume)
  router.get('/r/:token/about-you', journey.showAboutYou)
  router.post('/r/:token/about-you', journey.saveAboutYou)
  router.get('/r/:token/check-answers', journey.showCheckAnswers)
  router.post('/r/:token/check-answers', journey.submit)
  router.get('/r/:token/saved', journey.showSaved)
  router.get('/r/:token/confirmation', journey.showConfirmation)
  router.get('/r/:token/:questionnaireId/:sectionId', journey.showSection)
  router.post('/r/:token/:questionnaireId/:sectionId', journey.saveSection)

  return router
}
