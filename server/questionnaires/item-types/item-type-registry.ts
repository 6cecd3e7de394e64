// Finds an item's type module by its `type`: the built-in types, plus any added with registerItemType.
import type { ItemBase } from '../definition-parts.js'
import { BUILT_IN_ITEM_TYPES, type Item } from './built-in-item-types.js'
import type { ItemTypeModule } from './item-type-module.js'

const registered = new Map<string, ItemTypeModule<ItemBase>>(Object.entries(BUILT_IN_ITEM_TYPES))

/**
 * Adds a type beyond the built-in ones for every consumer. Call it through registerItemType in definition-schema.ts,
 * which also lets definition files use the type.
 */
export function addItemType<I extends ItemBase>(module: ItemTypeModule<I>): void {
  if (registered.has(module.type)) throw new Error(`item type "${module.type}" is already registered`)
  registered.set(module.type, module as unknown as ItemTypeModule<ItemBase>)
}

/** The module that owns the item's type. An added type's items travel typed as Item; this finds them by name all the same. */
export function itemTypeFor<I extends Item>(item: I): ItemTypeModule<I> {
  const module = registered.get(item.type)
  if (!module) throw new TypeError(`item "${item.id}" has type "${item.type}", which no module is registered for`)
  // The map is keyed by type, so this is the module written for items of I's type.
  return module as unknown as ItemTypeModule<I>
}

/** Every registered type, built-in ones first in their order, then added ones in the order they were added. */
export function registeredItemTypes(): ItemTypeModule<ItemBase>[] {
  return [...registered.values()]
}
