// Templates compiled without `with`: the names they read from their data found beforehand, and every page rendered
// exactly as EJS itself renders it.
import ejs from 'ejs'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compiledTemplates } from '../../server/middleware/compiled-templates.js'
import { templateNames } from '../../server/middleware/template-names.js'

const PARAMETERS = ['locals', 'escapeFn', 'include', 'rethrow']
const namesOf = (text: string) => {
  const template = new ejs.Template(text, { client: true, compileDebug: false, _with: false })
  template.compile()
  return templateNames(template.source, PARAMETERS)?.sort()
}

describe('the names a template reads from its data', () => {
  it('are its free names: not its own variables, not the include function, not JavaScript globals', () => {
    const text = `<% var shown = items.filter(Boolean); shown.forEach(function (item, i) { %><%= item %><%= i %><% }) %>
      <%- include('hint', { params: { text: encodeURIComponent(title) } }) %><%= typeof missing !== 'undefined' ? missing : t('none') %>`
    expect(namesOf(text)).toEqual(['items', 'missing', 't', 'title'])
  })

  it('are not known for a template that assigns to one, which inside `with` changes the data', () => {
    expect(namesOf('<% title = title + "!" %><%= title %>')).toBeUndefined()
    expect(namesOf('<% var title2 = title + "!" %><%= title2 %>')).toEqual(['title'])
  })
})

describe('a template compiled without `with`', () => {
  let views: string
  beforeEach(() => {
    views = mkdtempSync(join(tmpdir(), 'linkscore-compiled-'))
  })
  afterEach(() => rmSync(views, { recursive: true, force: true }))

  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(views, file)), { recursive: true })
    writeFileSync(join(views, file), text)
  }

  it('renders as EJS does, a template that assigns to its data too', () => {
    write('page.ejs', "<% title = title + '!' %><h1><%= title %></h1><%- include('part', { params: { n: 2 } }) %><%= typeof absent === 'undefined' %>")
    write('part.ejs', '<p><%= title %> <%= params.n * count %> <%- `<b>${encodeURIComponent(url)}</b>` %></p>')
    const data = { title: 'A & B', count: 21, url: 'a b' }
    const ours = compiledTemplates(views).render(join(views, 'page.ejs'), { ...data })
    expect(ours).toBe(ejs.render(readFileSync(join(views, 'page.ejs'), 'utf8'), { ...data }, { filename: join(views, 'page.ejs') }))
    expect(ours).toBe('<h1>A &amp; B!</h1><p>A &amp; B! 42 <b>a%20b</b></p>true')
  })

  it('is how every one of the app’s templates is compiled: none of them assigns to its data', () => {
    const files = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(folder, e.name)) : e.name.endsWith('.ejs') ? [join(folder, e.name)] : [],
      )
    const kept = files('views').filter((file) => namesOf(readFileSync(file, 'utf8')) === undefined)
    expect(kept).toEqual([])
  })
})
