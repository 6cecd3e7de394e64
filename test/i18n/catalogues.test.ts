import { describe, expect, it } from 'vitest'
import { resources } from '../../server/i18n/resources.js'

type Tree = Record<string, unknown>

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [p, v] of leaves(value as Tree, path)) out.set(p, v)
  }
  return out
}

const variables = (message: string) => [...message.matchAll(/\{\{\s*([^,}\s]+)/g)].map((m) => m[1]).sort()
const namespaces = Object.keys(resources['en-GB']) as (keyof (typeof resources)['en-GB'])[]

describe.each(namespaces)('the %s messages', (namespace) => {
  const english = leaves(resources['en-GB'][namespace] as Tree)
  const dutch = leaves(resources.nl[namespace] as Tree)

  it('have the same keys in Dutch as in English', () => {
    expect([...dutch.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('fill in the same values in both languages, and none is empty', () => {
    for (const [key, en] of english) {
      const nl = dutch.get(key) ?? ''
      expect({ key, nl: nl.trim().length > 0 }).toEqual({ key, nl: true })
      expect({ key, values: variables(nl) }).toEqual({ key, values: variables(en) })
    }
  })

  it('hold markup only in messages made for it (keys ending in Html)', () => {
    for (const [key, en] of english) {
      for (const text of [en, dutch.get(key) ?? '']) expect({ key, markup: /<[a-z]/i.test(text) }).toEqual({ key, markup: key.endsWith('Html') })
    }
  })
})
