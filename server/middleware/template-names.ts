// The names a compiled template reads from its data. EJS runs a template inside `with (locals)`, which makes every
// name in it, its own variables too, a lookup V8 cannot optimise: on a survey section page that was half the time of
// rendering it. A template whose names are known is compiled without `with`, those names read from its data once at
// the start, as EJS's destructuredLocals does; this finds them.
import { parse } from 'acorn'
import { analyze } from 'eslint-scope'

/**
 * The free names of a template function's body, that is those it neither declares nor takes as a parameter, less the
 * JavaScript globals it uses (encodeURIComponent, JSON…); undefined when it assigns to a free name, which inside
 * `with` would change its data for whatever renders after it (such a template keeps `with`).
 */
export function templateNames(functionSource: string, parameters: readonly string[]): string[] | undefined {
  const program = parse(`(function (${parameters.join(', ')}) {\n${functionSource}\n})`, { ecmaVersion: 'latest', ranges: true })
  const scopes = analyze(program as never, { ecmaVersion: 2022 as never })
  const free = scopes.globalScope!.through
  if (free.some((reference) => reference.isWrite())) return undefined
  return [...new Set(free.map((reference) => reference.identifier.name))].filter((name) => !(name in globalThis))
}
