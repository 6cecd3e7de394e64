// Finds an item's type module by its `type`.
import type { ItemBase } from '../definition-parts.js'
import { BUILT_IN_ITEM_TYPES, type Item } from './built-in-item-types.js'
import type { ItemTypeModule } from './item-type-module.js'

const registered = new Map<string, ItemTypeModule<ItemBase>>(Object.entries(BUILT_IN_ITEM_TYPES))

/** The module that owns the item's type. */
export function itemTypeFor<I extends Item>(item: I): ItemTypeModule<I> {
  const module = registered.get(item.type)
  if (!module) throw new TypeError(`item "${item.id}" has type "${item.type}", which no module is registered for`)
  // The map is keyed by type, so this is the module written for items of I's type.
  return module as unknown as ItemTypeModule<I>
}

/** Every registered type, in the order of the built-in list. */
export function registeredItemTypes(): ItemTypeModule<ItemBase>[] {
  return [...registered.values()]
}
