// An EJS view engine that wraps each page in a layout, so pages hold only their own content.
import { join } from 'node:path'
import { compiledTemplates, type CompiledTemplates } from './compiled-templates.js'

type Callback = (error: Error | null, html?: string) => void
type Locals = Record<string, unknown> & { settings: { views: string; 'view cache'?: boolean }; layout?: string | false }

export function layoutRenderer(defaultLayout: string) {
  let cached: CompiledTemplates | undefined
  return (path: string, options: object, callback: Callback): void => {
    const locals = options as Locals
    const { views } = locals.settings
    // Without the view cache (development), templates are read afresh for each page, and errors name their line.
    const templates = locals.settings['view cache'] ? (cached ??= compiledTemplates(views)) : compiledTemplates(views, { lineNumbers: true })
    let html: string
    try {
      const body = templates.render(path, locals)
      html = locals.layout === false ? body : templates.render(join(views, `${locals.layout ?? defaultLayout}.ejs`), { ...locals, body })
    } catch (error) {
      return callback(error as Error)
    }
    callback(null, html)
  }
}
