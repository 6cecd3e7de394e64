// The report pages' query parameters. Anything unexpected falls back to the default, so an old or edited link
// still opens the page; only an unknown wave is "Page not found" (see the report service).
import { z } from 'zod'
import { SETTINGS } from '../../questionnaires/definition-schema.js'
import type { ComparisonFilters } from '../../services/report-service.js'

const text = z.string().min(1).max(200).optional().catch(undefined)

const scorecardQuery = z.object({ wave: text })

const compareQuery = z.object({
  wave: text,
  sort: text,
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  deprivation: z.enum(['1', '2', '3', '4', '5']).optional().catch(undefined),
  rurality: z.enum(['urban', 'rural']).optional().catch(undefined),
  model: text,
  setting: z.enum(SETTINGS).optional().catch(undefined),
  /** The page of the table, from 1; past the last page is the last page (see compare-page-model.ts). */
  page: z.coerce.number().int().min(1).optional().catch(undefined),
})

/** What the "compare waves" page groups practices by. */
export const PRACTICE_CONTEXTS = ['deprivation', 'rurality', 'model', 'stage'] as const
export type PracticeContextKey = (typeof PRACTICE_CONTEXTS)[number]

const compareWavesQuery = z.object({
  questionnaire: text,
  context: z.enum(PRACTICE_CONTEXTS).optional().catch(undefined),
})

export type CompareWavesQuery = z.output<typeof compareWavesQuery>
export const parseCompareWavesQuery = (query: unknown): CompareWavesQuery => compareWavesQuery.parse(query ?? {})

export type CompareQuery = z.output<typeof compareQuery>

export const parseScorecardQuery = (query: unknown) => scorecardQuery.parse(query ?? {})
export const parseCompareQuery = (query: unknown): CompareQuery => compareQuery.parse(query ?? {})

export function comparisonFilters(query: CompareQuery): ComparisonFilters {
  return {
    ...(query.deprivation ? { deprivationQuintile: Number(query.deprivation) } : {}),
    ...(query.rurality ? { rurality: query.rurality } : {}),
    ...(query.model ? { spModel: query.model } : {}),
    ...(query.setting ? { setting: query.setting } : {}),
  }
}
