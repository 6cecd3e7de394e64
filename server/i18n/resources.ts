// Every message catalogue, by language and namespace: one JSON file each under messages/. A new area of the
// interface adds its namespace here for both languages; the test of catalogues checks that their keys agree.
import enCommon from './messages/en-GB/common.json' with { type: 'json' }
import enErrors from './messages/en-GB/errors.json' with { type: 'json' }
import enProgrammes from './messages/en-GB/programmes.json' with { type: 'json' }
import nlCommon from './messages/nl/common.json' with { type: 'json' }
import nlErrors from './messages/nl/errors.json' with { type: 'json' }
import nlProgrammes from './messages/nl/programmes.json' with { type: 'json' }

export const resources = {
  'en-GB': { common: enCommon, errors: enErrors, programmes: enProgrammes },
  nl: { common: nlCommon, errors: nlErrors, programmes: nlProgrammes },
} as const

export type Namespace = keyof (typeof resources)['en-GB']
export const NAMESPACES = Object.keys(resources['en-GB']) as Namespace[]
