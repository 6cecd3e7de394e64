// An EJS view engine that wraps each page in a layout, so pages hold only their own content.
import ejs from 'ejs'
import { join } from 'node:path'

type Callback = (error: Error | null, html?: string) => void

export function layoutRenderer(defaultLayout: string) {
  return (path: string, options: object, callback: Callback): void => {
    const locals = options as Record<string, unknown> & { settings: { views: string }; layout?: string | false }
    // ejs looks up includes such as 'components/header' only in an array of view folders.
    const ejsOptions = { views: [locals.settings.views], cache: Boolean((locals.settings as Record<string, unknown>)['view cache']) }
    ejs.renderFile(path, locals, ejsOptions, (error, body) => {
      if (error) return callback(error)
      if (locals.layout === false) return callback(null, body)
      ejs.renderFile(join(locals.settings.views, `${locals.layout ?? defaultLayout}.ejs`), { ...locals, body }, ejsOptions, callback)
    })
  }
}
