// Words and classes shared by the scorecard and the comparison: bands, questionnaire names, withholding.
import type { Band, Questionnaire, ScaleNode } from '../../questionnaires/definition-schema.js'

/** Best band first; the worst is always red. Colour is never the only cue: a band is always shown in words. */
const MIDDLE_COLOURS = ['aqua-green', 'yellow', 'orange'] as const

export interface BandLabel {
  text: string
  /** nhsuk-tag colour: green, aqua-green, yellow, orange or red. */
  colour: string
}

export function bandLabel(bands: readonly Band[], label: string): BandLabel {
  const i = bands.findIndex((b) => b.label === label)
  const colour = i === 0 ? 'green' : i === bands.length - 1 ? 'red' : (MIDDLE_COLOURS[i - 1] ?? 'grey')
  return { text: label, colour }
}

export const bandsOf = (definition: Questionnaire): readonly Band[] => definition.scoring?.bands ?? []

/** "good-practice" → "Good practice", "normalisation" → "Normalisation". */
export function questionnaireLabel(id: string): string {
  const words = id.replaceAll('-', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The scale node at a path, for its guidance. */
export function scaleNode(definition: Questionnaire, path: readonly string[]): ScaleNode | undefined {
  let nodes = definition.scoring?.scales
  let node: ScaleNode | undefined
  for (const id of path) {
    node = nodes?.find((n) => n.id === id)
    nodes = node?.children
  }
  return node
}

/** A setting's figure that small-number rules hide; said in words beside the tables that use it. */
export const WITHHELD_GROUP = 'Withheld'

export function withheldGroupNote(minBreakdownN: number): string {
  return `"Withheld": a setting with fewer than ${minBreakdownN} responses is not shown, and when only one setting would be hidden, the next smallest is hidden too, so that it cannot be worked out from the total.`
}
