// The questionnaire definition format: what a file in questionnaires/ may contain.
import { z } from 'zod'

export const SETTINGS = ['general_practice', 'link_worker', 'community'] as const
export type Setting = (typeof SETTINGS)[number]

export const NOT_RELEVANT_CODES = ['nr_role', 'nr_stage', 'nr_intervention'] as const
export type NotRelevantCode = (typeof NOT_RELEVANT_CODES)[number]

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must start with a lower-case letter and use only a-z, 0-9 and _')
  .max(64)

const slug = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must start with a lower-case letter and use only a-z, 0-9 and -')
  .max(64)

const optionCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'must use only a-z, 0-9 and _')
  .max(32)
  .refine((code) => !code.startsWith('nr_'), 'codes starting "nr_" are reserved for "not relevant" choices')

const PLACEHOLDER = /\{([^}]*)\}/g
const respondentText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine(
    (text) => [...text.matchAll(PLACEHOLDER)].every((m) => m[1] === 'intervention'),
    'the only placeholder allowed is {intervention}',
  )

const option = z.strictObject({ code: optionCode, label: respondentText })

const itemBase = {
  id: identifier,
  text: respondentText,
  hint: respondentText.optional(),
  required: z.boolean().default(false),
  settings: z.array(z.enum(SETTINGS)).min(1).default([...SETTINGS]),
}

const likert5Item = z.strictObject({
  ...itemBase,
  type: z.literal('likert5'),
  reverse: z.boolean().default(false),
  notRelevant: z.array(z.enum(NOT_RELEVANT_CODES)).default([]),
  scale: z.array(identifier).min(1).optional(),
})

const scale0to10Item = z.strictObject({
  ...itemBase,
  type: z.literal('scale0to10'),
  labels: z.strictObject({ min: respondentText, max: respondentText }),
  notRelevant: z.array(z.enum(NOT_RELEVANT_CODES)).default([]),
})

const singleItem = z.strictObject({
  ...itemBase,
  type: z.literal('single'),
  options: z.array(option).min(2),
})

const multiItem = z.strictObject({
  ...itemBase,
  type: z.literal('multi'),
  options: z.array(option).min(2),
})

const textItem = z.strictObject({
  ...itemBase,
  type: z.literal('text'),
  maxLength: z.number().int().min(1).max(5000).default(1000),
})

export const itemSchema = z.discriminatedUnion('type', [likert5Item, scale0to10Item, singleItem, multiItem, textItem])

const sectionSchema = z.strictObject({
  id: slug,
  title: respondentText,
  introduction: respondentText.optional(),
  items: z.array(itemSchema).min(1),
})

export interface ScaleNode {
  id: string
  name: string
  guidance?: string | undefined
  children?: ScaleNode[] | undefined
}

const scaleNodeSchema: z.ZodType<ScaleNode> = z.lazy(() =>
  z.strictObject({
    id: identifier,
    name: z.string().trim().min(1),
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

export const questionnaireSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: slug,
    version: z.number().int().min(1),
    title: z.string().trim().min(1),
    introduction: respondentText,
    minutesEstimate: z.number().positive().optional(),
    scoring: scoringSchema.optional(),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine(checkCrossReferences)

export type QuestionnaireInput = z.input<typeof questionnaireSchema>
export type Questionnaire = z.output<typeof questionnaireSchema>
export type Section = Questionnaire['sections'][number]
export type Item = z.output<typeof itemSchema>
export type ItemType = Item['type']
export type ScoredItem = Extract<Item, { type: 'likert5' }>
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
      if ((item.type === 'single' || item.type === 'multi') && hasDuplicates(item.options.map((o) => o.code))) {
        ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'two options share a code' })
      }
      if (item.type !== 'likert5' || !item.scale) return
      if (!scalePaths) {
        ctx.addIssue({ code: 'custom', path: [...path, 'scale'], message: 'item has a scale but the questionnaire has no scoring section' })
      } else if (item.scale.length !== depth) {
        ctx.addIssue({ code: 'custom', path: [...path, 'scale'], message: `must name ${depth} levels (${questionnaire.scoring!.levels.map((l) => l.id).join(' → ')})` })
      } else if (!scalePaths.has(item.scale.join('/'))) {
        ctx.addIssue({ code: 'custom', path: [...path, 'scale'], message: `"${item.scale.join(' → ')}" is not a scale declared in scoring.scales` })
      }
    })
  })

  if (questionnaire.scoring) checkScoring(questionnaire.scoring, ctx)
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
