// Templates compiled once and their includes resolved once, for production. EJS's own cache keeps compiled templates but
// still resolves every include on every render: two file-existence checks for each `include('components/…')` from a
// page (first beside the page, then in the views folder), some sixty per survey section page.
import ejs from 'ejs'
import { existsSync, readFileSync } from 'node:fs'
import { templateNames } from './template-names.js'

type Data = Record<string, unknown>
type Template = (data: Data) => string

export type CompiledTemplates = ReturnType<typeof compiledTemplates>

const CLIENT_PARAMETERS = ['locals', 'escapeFn', 'include', 'rethrow']

/**
 * The template compiled without `with` (see template-names.ts), its free names read from its data, unless it assigns
 * to one. Line numbers for error messages only when asked for (development): each line sets one, at a cost.
 */
function compiledWithoutWith(text: string, filename: string, lineNumbers: boolean): ejs.ClientFunction {
  const options = { client: true, filename, compileDebug: lineNumbers } as const
  const probe = new ejs.Template(text, { ...options, _with: false })
  probe.compile()
  const names = templateNames(probe.source, CLIENT_PARAMETERS)
  if (!names) return ejs.compile(text, options)
  return ejs.compile(text, { ...options, _with: false, destructuredLocals: names })
}

export function compiledTemplates(viewsFolder: string, { lineNumbers = false } = {}) {
  const templates = new Map<string, Template>()
  const includes = new Map<string, string>()

  /** The file `name` names when included from `from`, found as EJS finds it: beside `from`, else in the views folder. */
  function includedFile(from: string, name: string): string {
    const key = `${from}\0${name}`
    let file = includes.get(key)
    if (file === undefined) {
      const beside = ejs.resolveInclude(name, from)
      file = existsSync(beside) ? beside : ejs.resolveInclude(name, viewsFolder, true)
      if (!existsSync(file)) throw new Error(`Could not find the include file "${name}" (included from ${from})`)
      includes.set(key, file)
    }
    return file
  }

  function compile(filename: string): Template {
    // client: the compiled function takes its include function as an argument, rather than making one that resolves paths.
    const client = compiledWithoutWith(readFileSync(filename, 'utf8'), filename, lineNumbers) as unknown as (
      data: Data,
      escape: typeof ejs.escapeXML,
      include: (name: string, extra?: Data) => string,
    ) => string
    return (data) => client(data, ejs.escapeXML, (name, extra) => template(includedFile(filename, name))(extra ? { ...data, ...extra } : { ...data }))
  }

  function template(filename: string): Template {
    let compiled = templates.get(filename)
    if (!compiled) templates.set(filename, (compiled = compile(filename)))
    return compiled
  }

  return { render: (filename: string, data: Data): string => template(filename)(data) }
}
