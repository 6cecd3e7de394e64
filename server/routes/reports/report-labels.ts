// Words and classes shared by the scorecard and the comparison: bands, questionnaire names, withholding.
import { english, type MessageKey, type Translate } from '../../i18n/translate.js'
import type { Formats } from '../../i18n/format.js'
import type { Band, Questionnaire, ScaleNode, Setting } from '../../questionnaires/definition-schema.js'
import { settingLabel } from '../../survey/roles.js'
import type { ScoredQuestionnaire } from '../../services/report-service.js'

/** Best band first; the worst is always red. Colour is never the only cue: a band is always shown in words. */
const MIDDLE_COLOURS = ['aqua-green', 'yellow', 'orange'] as const

export interface BandLabel {
  text: string
  /** nhsuk-tag colour: green, aqua-green, yellow, orange or red. */
  colour: string
}

/** The band scored as `label` (the scored definition's words), named as `shown` (the same bands in the page's language). */
export function bandLabel(bands: readonly Band[], label: string, shown: readonly Band[] = bands): BandLabel {
  const i = bands.findIndex((b) => b.label === label)
  const colour = i === 0 ? 'green' : i === bands.length - 1 ? 'red' : (MIDDLE_COLOURS[i - 1] ?? 'grey')
  return { text: shown[i]?.label ?? label, colour }
}

export const bandsOf = (definition: Questionnaire): readonly Band[] => definition.scoring?.bands ?? []

const QUESTIONNAIRE_NAMES: Record<string, MessageKey> = {
  'good-practice': 'reports:questionnaires.goodPractice',
  normalisation: 'reports:questionnaires.normalisation',
  context: 'reports:questionnaires.context',
}

/** "good-practice" → "Good practice", "normalisation" → "Normalisation": the catalogue's name, else the id in words. */
export function questionnaireLabel(id: string, t: Translate = english): string {
  const key = QUESTIONNAIRE_NAMES[id]
  if (key) return String(t(key))
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

/**
 * The words of a scored questionnaire in the page's language: its scales', levels' and bands' names, from the copy
 * in that language when there is one for the version scored, else from the scored definition itself.
 */
export function questionnaireWords({ definition, texts }: Pick<ScoredQuestionnaire, 'definition' | 'texts'>, t: Translate = english) {
  const shown = texts ?? definition
  return {
    shown,
    /** Plain words first, the theory's name after them ("Making sense of it (coherence)"); the theory's alone without plain words. */
    scaleName: (path: readonly string[], scored: string) => {
      const node = scaleNode(shown, path)
      if (!node?.plainName) return node?.name ?? scored
      return t('reports:plainAndTheory', { plain: node.plainName, theory: node.name.toLocaleLowerCase(shown.language) })
    },
    /** The plain words and, when there are plain words, the theory's name to show after them in smaller type. */
    nameParts: (path: readonly string[], scored: string): { plain: string; theory: string | null } => {
      const node = scaleNode(shown, path)
      return node?.plainName ? { plain: node.plainName, theory: node.name.toLocaleLowerCase(shown.language) } : { plain: node?.name ?? scored, theory: null }
    },
    /** The plain words alone, where space is short (a chart's axis); the table beside it has the full name. */
    shortName: (path: readonly string[], scored: string) => scaleNode(shown, path)?.plainName ?? scaleNode(shown, path)?.name ?? scored,
    guidance: (path: readonly string[]) => scaleNode(shown, path)?.guidance ?? scaleNode(definition, path)?.guidance ?? '',
    band: (label: string) => bandLabel(bandsOf(definition), label, bandsOf(shown)),
    levels: shown.scoring?.levels ?? [],
  }
}
export type QuestionnaireWords = ReturnType<typeof questionnaireWords>

/** What a setting's figure that small-number rules hide says instead; explained beside the tables that use it. */
export const withheldGroup = (t: Translate = english): string => t('reports:withheld')

export function withheldGroupNote(minBreakdownN: number, t: Translate = english): string {
  return t('reports:withheldNote', { count: minBreakdownN })
}

/** Why a free-text question's answers are not shown: it was asked only of settings whose counts are withheld; null when shown. */
export function textGroupWithheld(withheldFor: readonly Setting[] | null, t: Translate, format: Formats): string | null {
  return withheldFor && t('reports:scorecard.freeText.groupWithheld', { settings: format.list(withheldFor.map((s) => settingLabel(s, t).toLowerCase())) })
}
