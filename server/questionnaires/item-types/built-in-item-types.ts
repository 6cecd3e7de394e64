// The item types Linkscore ships: their schemas as one discriminated union, and their modules keyed by type.
import { z } from 'zod'
import type { ItemTypeModule } from './item-type-module.js'
import { likert5ItemSchema, likert5ItemType } from './likert5.js'
import { multiItemSchema, multiItemType } from './multi.js'
import { scale0to10ItemSchema, scale0to10ItemType } from './scale0to10.js'
import { singleItemSchema, singleItemType } from './single.js'
import { textItemSchema, textItemType } from './text.js'

// The order is the order of error messages and of the type lists in the R script.
export const builtInItemSchema = z.discriminatedUnion('type', [likert5ItemSchema, scale0to10ItemSchema, singleItemSchema, multiItemSchema, textItemSchema])

export type Item = z.output<typeof builtInItemSchema>
export type ItemType = Item['type']

/** A module for every member of the Item union, under its type, and nothing else. */
export type ItemTypeModules = { [K in ItemType]: ItemTypeModule<Extract<Item, { type: K }>> }

// `satisfies` makes a type without a module, or a module without a type, a compile error.
export const BUILT_IN_ITEM_TYPES = {
  likert5: likert5ItemType,
  scale0to10: scale0to10ItemType,
  single: singleItemType,
  multi: multiItemType,
  text: textItemType,
} satisfies ItemTypeModules
