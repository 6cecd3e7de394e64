// The questionnaire definition format: what a file in questionnaires/ may contain.
import { z } from 'zod'
import { SOURCE_LANGUAGE, identifier, languageTag, respondentText, slug, type ItemBase } from './definition-parts.js'
import { builtInItemSchema } from './item-types/built-in-item-types.js'
import type { ItemScoring, ItemTypeModule } from './item-types/item-type-module.js'
import { addItemType, itemTypeFor, registeredItemTypes } from './item-types/item-type-registry.js'

export { NOT_RELEVANT_CODES, SETTINGS, type NotRelevantCode, type Setting } from './definition-parts.js'
export type { Item, ItemType } from './item-types/built-in-item-types.js'

export const itemSchema = builtInItemSchema

export interface ScaleNode {
  id: string
  /** The theory's name for the scale ("Coherence"), as exports and the method name it. */
  name: string
  /** Everyday words for it ("Making sense of it"), which reports show first, the theory's name after it. */
  plainName?: string | undefined
  guidance?: string | undefined
  children?: ScaleNode[] | undefined
}

const scaleNodeSchema: z.ZodType<ScaleNode> = z.lazy(() =>
  z.strictObject({
    id: identifier,
    name: z.string().trim().min(1),
    plainName: z.string().trim().min(1).optional(),
    guidance: z.string().trim().min(1).optional(),
    children: z.array(scaleNodeSchema).min(1).optional(),
  }),
)

const bandSchema = z.strictObject({
  label: z.string().trim().min(1),
  min: z.number().min(0).max(100),
})

const scoringSchema = z.strictObject({
  levels: z.array(z.strictObject({ id: identifier, name: z.string().trim().min(1) })).min(1),
  scales: z.array(scaleNodeSchema).min(1),
  minAnswered: z.number().gt(0).max(1).default(0.5),
  bands: z.array(bandSchema).min(1),
})

function questionnaireSchemaOf(items: typeof itemSchema) {
  const sectionSchema = z.strictObject({
    id: slug,
    title: respondentText,
    introduction: respondentText.optional(),
    items: z.array(items).min(1),
  })
  return z
    .strictObject({
      $schema: z.string().optional(),
      id: slug,
      version: z.number().int().min(1),
      /** The language the definition is written in; translations into others sit beside it (see translation-schema.ts). */
      language: languageTag.default(SOURCE_LANGUAGE),
      translations: z.array(languageTag).default([]),
      title: z.string().trim().min(1),
      introduction: respondentText,
      minutesEstimate: z.number().positive().optional(),
      scoring: scoringSchema.optional(),
      sections: z.array(sectionSchema).min(1),
    })
    .superRefine(checkCrossReferences)
}

/** The schema of a definition file, for the item types registered now: registerItemType replaces it. */
export let questionnaireSchema = questionnaireSchemaOf(itemSchema)

/**
 * Adds an item type beyond the built-in ones: definition files may use it, and every consumer dispatches to its
 * module. Its items are typed as Item at compile time; at run time everything finds their module by their type.
 */
export function registerItemType<I extends ItemBase>(module: ItemTypeModule<I>): void {
  addItemType(module)
  const [first, ...rest] = registeredItemTypes().map((m) => m.schema as unknown as (typeof itemSchema)['options'][number])
  questionnaireSchema = questionnaireSchemaOf(z.discriminatedUnion('type', [first!, ...rest]) as unknown as typeof itemSchema)
}

export type QuestionnaireInput = z.input<typeof questionnaireSchema>
export type Questionnaire = z.output<typeof questionnaireSchema>
export type Section = Questionnaire['sections'][number]
/** An item that scores into a scale; its type module says which items are. */
export type ScoredItem = Extract<ItemScoring, { role: 'scale' }>['item']
/** An item reported on its own, as a 0–10 mean. */
export type GeneralItem = Extract<ItemScoring, { role: 'general' }>['item']
export type Scoring = NonNullable<Questionnaire['scoring']>
export type Band = Scoring['bands'][number]

function checkCrossReferences(q: z.output<z.ZodObject>, ctx: z.RefinementCtx): void {
  const questionnaire = q as unknown as Questionnaire
  const seenSections = new Set<string>()
  const seenItems = new Set<string>()
  const scalePaths = questionnaire.scoring ? leafPaths(questionnaire.scoring.scales) : undefined
  const depth = questionnaire.scoring?.levels.length

  questionnaire.sections.forEach((section, s) => {
    if (seenSections.has(section.id)) {
      ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: `duplicate section id "${section.id}"` })
    }
    seenSections.add(section.id)
    section.items.forEach((item, i) => {
      const path = ['sections', s, 'items', i]
      if (seenItems.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate item id "${item.id}"` })
      }
      seenItems.add(item.id)
      if (new Set(item.settings).size !== item.settings.length) {
        ctx.addIssue({ code: 'custom', path: [...path, 'settings'], message: 'lists a setting twice' })
      }
      const itemType = itemTypeFor(item)
      for (const issue of itemType.definitionIssues(item)) ctx.addIssue({ code: 'custom', path: [...path, ...issue.path], message: issue.message })
      const scoring = itemType.scoring(item)
      if (scoring.role !== 'scale') return
      if (!scalePaths) {
        ctx.addIssue({ code: 'custom', path: [...path, 'scale'], message: 'item has a scale but the questionnaire has no scoring section' })
      } else if (scoring.scale.length !== depth) {
        ctx.addIssue({ code: 'custom', path: [...path, 'scale'], message: `must name ${depth} levels (${questionnaire.scoring!.levels.map((l) => l.id).join(' → ')})` })
      } else if (!scalePaths.has(scoring.scale.join('/'))) {
        ctx.addIssue({ code: 'custom', path: [...path, 'scale'], message: `"${scoring.scale.join(' → ')}" is not a scale declared in scoring.scales` })
      }
    })
  })

  if (questionnaire.scoring) checkScoring(questionnaire.scoring, ctx)
  questionnaire.translations.forEach((language, i) => {
    if (language === questionnaire.language) {
      ctx.addIssue({ code: 'custom', path: ['translations', i], message: `"${language}" is the language the definition is written in` })
    } else if (questionnaire.translations.indexOf(language) !== i) {
      ctx.addIssue({ code: 'custom', path: ['translations', i], message: `lists "${language}" twice` })
    }
  })
}

function checkScoring(scoring: Scoring, ctx: z.RefinementCtx): void {
  const depth = scoring.levels.length
  const walk = (nodes: ScaleNode[], level: number, path: (string | number)[]): void => {
    if (hasDuplicates(nodes.map((n) => n.id))) {
      ctx.addIssue({ code: 'custom', path, message: 'two scales at the same level share an id' })
    }
    nodes.forEach((node, n) => {
      const here = [...path, n]
      const isLeafLevel = level === depth - 1
      if (isLeafLevel && node.children) {
        ctx.addIssue({ code: 'custom', path: [...here, 'children'], message: `scales stop at level "${scoring.levels[level]!.id}"; remove children` })
      }
      if (!isLeafLevel && !node.children) {
        ctx.addIssue({ code: 'custom', path: [...here, 'children'], message: `a "${scoring.levels[level]!.id}" scale needs children at level "${scoring.levels[level + 1]!.id}"` })
      }
      if (!isLeafLevel && node.children) walk(node.children, level + 1, [...here, 'children'])
    })
  }
  walk(scoring.scales, 0, ['scoring', 'scales'])

  const mins = scoring.bands.map((b) => b.min)
  if (mins.some((m, i) => i > 0 && m >= mins[i - 1]!)) {
    ctx.addIssue({ code: 'custom', path: ['scoring', 'bands'], message: 'bands must be listed best first, with strictly decreasing min' })
  }
  if (mins[mins.length - 1] !== 0) {
    ctx.addIssue({ code: 'custom', path: ['scoring', 'bands', mins.length - 1, 'min'], message: 'the last band must start at 0 so every score has a band' })
  }
}

function leafPaths(nodes: ScaleNode[], prefix: string[] = []): Set<string> {
  const paths = new Set<string>()
  for (const node of nodes) {
    const path = [...prefix, node.id]
    if (node.children) for (const p of leafPaths(node.children, path)) paths.add(p)
    else paths.add(path.join('/'))
  }
  return paths
}

function hasDuplicates(values: string[]): boolean {
  return new Set(values).size !== values.length
}
