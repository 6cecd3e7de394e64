// The translatable texts item types share: the question and its hint, which every item has, and coded options.
import type { ItemBase } from '../definition-parts.js'
import type { ItemTexts } from './item-type-module.js'

export function baseTexts(item: ItemBase): ItemTexts {
  return item.hint === undefined ? { text: item.text } : { text: item.text, hint: item.hint }
}

export function withBaseTexts<I extends ItemBase>(item: I, textOf: (path: string) => string): I {
  return { ...item, text: textOf('text'), ...(item.hint !== undefined && { hint: textOf('hint') }) }
}

interface WithOptions {
  options: { code: string; label: string }[]
}

/** The option labels, under options.<code>: translations follow the codes, so reordering options cannot mislabel them. */
export function optionTexts(item: WithOptions): ItemTexts {
  return Object.fromEntries(item.options.map((o) => [`options.${o.code}`, o.label]))
}

export function withOptionTexts<I extends WithOptions>(item: I, textOf: (path: string) => string): I {
  return { ...item, options: item.options.map((o) => ({ ...o, label: textOf(`options.${o.code}`) })) }
}
