import express, { Router } from 'express'
import { join } from 'node:path'

/** Our own static files, and nhsuk-frontend's compiled CSS, JavaScript and images served from the installed package. */
export function setUpStaticAssets(root: string): Router {
  const router = Router()
  const nhsuk = join(root, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk')
  const options = { maxAge: '1h', index: false, fallthrough: true }
  router.use('/static', express.static(join(root, 'static'), options))
  router.use('/assets', express.static(join(nhsuk, 'assets'), options))
  router.get('/vendor/nhsuk/nhsuk-frontend.min.css', (_req, res) => res.sendFile(join(nhsuk, 'nhsuk-frontend.min.css')))
  router.get('/vendor/nhsuk/nhsuk-frontend.min.js', (_req, res) => res.sendFile(join(nhsuk, 'nhsuk-frontend.min.js')))
  router.use('/vendor/chart.js', express.static(join(root, 'node_modules', 'chart.js', 'dist'), options))
  return router
}
