import express, { Router } from 'express'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** nhsuk-frontend's CSS loads the Frutiger web font from an NHS server; it is licensed for NHS services only, so we drop it (static/css/linkscore.css uses Source Sans 3 instead). */
export function withoutWebFonts(css: string): string {
  return css.replace(/@font-face\{[^}]*\}/g, '').replace(/\/\*# sourceMappingURL=[^*]*\*\//, '')
}

/** Our own static files, and nhsuk-frontend's compiled CSS, JavaScript and images, chart.js and the Source Sans 3 font served from the installed packages. */
export function setUpStaticAssets(root: string): Router {
  const router = Router()
  const nhsuk = join(root, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk')
  const options = { maxAge: '1h', index: false, fallthrough: true }
  router.use('/static', express.static(join(root, 'static'), options))
  router.use('/assets', express.static(join(nhsuk, 'assets'), options))
  const css = withoutWebFonts(readFileSync(join(nhsuk, 'nhsuk-frontend.min.css'), 'utf8'))
  // Its ETag made once (the app makes none for its pages), so that a browser's stale copy is checked with a 304.
  const cssTag = `"${createHash('sha256').update(css).digest('base64url')}"`
  router.get(
    '/vendor/nhsuk/nhsuk-frontend.min.css',
    (_req, res) => void res.type('text/css').set({ 'Cache-Control': 'public, max-age=3600', ETag: cssTag }).send(css),
  )
  router.get('/vendor/nhsuk/nhsuk-frontend.min.js', (_req, res) => res.sendFile(join(nhsuk, 'nhsuk-frontend.min.js')))
  router.use('/vendor/chart.js', express.static(join(root, 'node_modules', 'chart.js', 'dist'), options))
  router.use('/vendor/source-sans-3', express.static(join(root, 'node_modules', '@fontsource', 'source-sans-3', 'files'), options))
  return router
}
