// The view engine over real Express and real template files: includes found as EJS finds them (beside the including
// file, else in the views folder), each page in its own locals' language, and templates read once only with the cache on.
import express from 'express'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { layoutRenderer } from '../../server/middleware/layout-renderer.js'

const GREETINGS: Record<string, string> = { en: 'Hello', nl: 'Hallo' }

let views: string
let stop = async () => {}
beforeEach(() => {
  views = mkdtempSync(join(tmpdir(), 'linkscore-views-'))
  write('layouts/main.ejs', '<html lang="<%= lang %>"><%- body %><%- include(\'components/footer\') %></html>')
  // From a page two folders down, 'components/…' is not beside it: it is found in the views folder.
  write('pages/survey/page.ejs', "<main><%- include('components/box', { params: { text: greeting } }) %></main>")
  // From a component, 'hint' is beside it.
  write('components/box.ejs', "<div><%= params.text %><%- include('hint', { params: { text: lang } }) %></div>")
  write('components/hint.ejs', '<span><%= params.text %></span>')
  write('components/footer.ejs', '<footer>Footer</footer>')
})
afterEach(async () => {
  await stop()
  rmSync(views, { recursive: true, force: true })
})

function write(file: string, text: string): void {
  mkdirSync(dirname(join(views, file)), { recursive: true })
  writeFileSync(join(views, file), text)
}

async function serve(viewCache: boolean): Promise<(lang: string) => Promise<string>> {
  const app = express()
  app.set('views', views)
  app.engine('ejs', layoutRenderer('layouts/main'))
  app.set('view engine', 'ejs')
  app.set('view cache', viewCache)
  app.get('/:lang', (req, res) => res.render('pages/survey/page', { lang: req.params.lang, greeting: GREETINGS[req.params.lang] }))
  app.get('/missing/include', (_req, res) => res.render('pages/survey/missing'))
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  stop = () => new Promise<void>((resolve) => server.close(() => resolve()))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return async (path) => (await fetch(`${base}/${path}`)).text()
}

const page = (lang: string) => `<html lang="${lang}"><main><div>${GREETINGS[lang]}<span>${lang}</span></div></main><footer>Footer</footer></html>`

describe.each([true, false])('with the view cache %s', (viewCache) => {
  it('renders each page with its own locals, English and Dutch in turn, through includes found where EJS finds them', async () => {
    const get = await serve(viewCache)
    expect([await get('en'), await get('nl'), await get('en'), await get('nl')]).toEqual([page('en'), page('nl'), page('en'), page('nl')])
  })

  it(viewCache ? 'keeps the templates it read (production)' : 'reads the templates afresh for every page (development)', async () => {
    const get = await serve(viewCache)
    await get('en')
    write('components/hint.ejs', '<em><%= params.text %></em>')
    expect(await get('en')).toBe(viewCache ? page('en') : page('en').replace('<span>en</span>', '<em>en</em>'))
  })

  it('fails a page whose include is nowhere, naming the include', async () => {
    write('pages/survey/missing.ejs', "<%- include('components/nowhere') %>")
    const get = await serve(viewCache)
    expect(await get('missing/include')).toContain('Could not find the include file &quot;components/nowhere&quot;')
  })
})
