// Every text of a definition a person reads, by the path a translation file gives it: the one list translations are
// checked against and localised copies are made from.
import type { Questionnaire, ScaleNode } from './definition-schema.js'
import { itemTypeFor } from './item-types/item-type-registry.js'

/**
 * The texts by dotted path, in definition order: title, introduction, levels.<id>, scales.<id>.name, .plainName and .guidance,
 * bands.<min>, sections.<id>.title and .introduction, items.<id>.<what its type names>.
 */
export function questionnaireTexts(questionnaire: Questionnaire): Map<string, string> {
  const texts = new Map<string, string>([
    ['title', questionnaire.title],
    ['introduction', questionnaire.introduction],
  ])
  const add = (path: string, text: string | undefined) => text !== undefined && texts.set(path, text)
  const scoring = questionnaire.scoring
  if (scoring) {
    for (const level of scoring.levels) add(`levels.${level.id}`, level.name)
    for (const node of scaleNodes(scoring.scales)) {
      add(`scales.${node.id}.name`, node.name)
      add(`scales.${node.id}.plainName`, node.plainName)
      add(`scales.${node.id}.guidance`, node.guidance)
    }
    for (const band of scoring.bands) add(`bands.${band.min}`, band.label)
  }
  for (const section of questionnaire.sections) {
    add(`sections.${section.id}.title`, section.title)
    add(`sections.${section.id}.introduction`, section.introduction)
    for (const item of section.items) {
      for (const [path, text] of Object.entries(itemTypeFor(item).texts(item))) add(`items.${item.id}.${path}`, text)
    }
  }
  return texts
}

/** The questionnaire with each text of questionnaireTexts replaced by textOf(its path, the text now there). */
export function withQuestionnaireTexts(questionnaire: Questionnaire, textOf: (path: string, text: string) => string): Questionnaire {
  const scale = (node: ScaleNode): ScaleNode => ({
    ...node,
    name: textOf(`scales.${node.id}.name`, node.name),
    ...(node.plainName !== undefined && { plainName: textOf(`scales.${node.id}.plainName`, node.plainName) }),
    ...(node.guidance !== undefined && { guidance: textOf(`scales.${node.id}.guidance`, node.guidance) }),
    ...(node.children && { children: node.children.map(scale) }),
  })
  const scoring = questionnaire.scoring
  return {
    ...questionnaire,
    title: textOf('title', questionnaire.title),
    introduction: textOf('introduction', questionnaire.introduction),
    ...(scoring && {
      scoring: {
        ...scoring,
        levels: scoring.levels.map((level) => ({ ...level, name: textOf(`levels.${level.id}`, level.name) })),
        scales: scoring.scales.map(scale),
        bands: scoring.bands.map((band) => ({ ...band, label: textOf(`bands.${band.min}`, band.label) })),
      },
    }),
    sections: questionnaire.sections.map((section) => ({
      ...section,
      title: textOf(`sections.${section.id}.title`, section.title),
      ...(section.introduction !== undefined && { introduction: textOf(`sections.${section.id}.introduction`, section.introduction) }),
      items: section.items.map((item) => {
        const itemType = itemTypeFor(item)
        const own = itemType.texts(item)
        return itemType.withTexts(item, (path) => textOf(`items.${item.id}.${path}`, own[path]!))
      }),
    })),
  }
}

/** Scale ids used more than once anywhere in the tree: translations name scales by id alone, so these would be ambiguous. */
export function duplicateScaleIds(questionnaire: Questionnaire): string[] {
  const ids = scaleNodes(questionnaire.scoring?.scales ?? []).map((node) => node.id)
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]
}

function scaleNodes(nodes: readonly ScaleNode[]): ScaleNode[] {
  return nodes.flatMap((node) => [node, ...scaleNodes(node.children ?? [])])
}
