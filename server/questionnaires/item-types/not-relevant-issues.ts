// The definition check the "not relevant" choices share: a statement about the intervention cannot be "not relevant to" it.
import type { ItemBase, NotRelevantCode } from '../definition-parts.js'
import type { DefinitionIssue } from './item-type-module.js'

export const INTERVENTION_PLACEHOLDER = '{intervention}'

/**
 * "Not relevant to {intervention}" on a statement whose wording names {intervention} answers nothing: the statement is
 * about the intervention itself, so the choice is refused there (the role and stage choices still fit).
 */
export function notRelevantIssues(item: ItemBase & { notRelevant: readonly NotRelevantCode[] }): DefinitionIssue[] {
  const i = item.notRelevant.indexOf('nr_intervention')
  if (i === -1 || !item.text.includes(INTERVENTION_PLACEHOLDER)) return []
  return [
    {
      path: ['notRelevant', i],
      message: `"${item.id}" is about ${INTERVENTION_PLACEHOLDER} itself, so it cannot offer "nr_intervention" (Not relevant to ${INTERVENTION_PLACEHOLDER}): remove it`,
    },
  ]
}
