// The practice's context in every export with a practice column: list size, deprivation, rurality, social-prescribing
// model, and the implementation stage recorded for the row's wave (the change file has the stage at both waves).
import type { ImplementationStage, Practice } from '../domain/practice.js'
import type { Wave } from '../domain/wave.js'

export const PRACTICE_CONTEXT_COLUMNS = [
  'practice_list_size',
  'practice_deprivation_quintile',
  'practice_rurality',
  'practice_sp_model',
  'practice_stage',
] as const
/** The change file's: the stage at its earlier and its later wave instead of one stage. */
export const CHANGE_CONTEXT_COLUMNS = [...PRACTICE_CONTEXT_COLUMNS.slice(0, 4), 'practice_stage_from', 'practice_stage_to'] as const

type Cell = string | number | null
export type PracticeContextRow = Record<(typeof PRACTICE_CONTEXT_COLUMNS)[number], Cell>

export interface PracticeContextSource {
  practices: readonly Practice[]
  waves: readonly Wave[]
  stages: readonly { practiceId: number; waveId: number; stage: ImplementationStage }[]
}

export interface PracticeContext {
  /** The columns for a practice (by code) at a wave (by slug); all empty for a code the programme has no practice by. */
  at(practiceCode: string, waveSlug: string): PracticeContextRow
  /** The stage recorded for the practice at the wave, or null when none was. */
  stage(practiceCode: string, waveSlug: string): ImplementationStage | null
}

const EMPTY: PracticeContextRow = {
  practice_list_size: null,
  practice_deprivation_quintile: null,
  practice_rurality: null,
  practice_sp_model: null,
  practice_stage: null,
}

export function practiceContext({ practices, waves, stages }: PracticeContextSource): PracticeContext {
  const byCode = new Map(practices.map((p) => [p.code, p]))
  const waveIds = new Map(waves.map((w) => [w.slug, w.id]))
  const stageOf = new Map(stages.map((s) => [`${s.practiceId}/${s.waveId}`, s.stage]))
  const stage = (practiceCode: string, waveSlug: string) => {
    const practice = byCode.get(practiceCode)
    return (practice && stageOf.get(`${practice.id}/${waveIds.get(waveSlug)}`)) ?? null
  }
  return {
    stage,
    at(practiceCode, waveSlug) {
      const p = byCode.get(practiceCode)
      if (!p) return EMPTY
      return {
        practice_list_size: p.listSize,
        practice_deprivation_quintile: p.deprivationQuintile,
        practice_rurality: p.rurality,
        practice_sp_model: p.spModel,
        practice_stage: stage(practiceCode, waveSlug),
      }
    },
  }
}

/**
 * Each row with its practice's context added, read from its `practice_code` and `wave`, as the rows come. The rows are
 * fresh objects (from the database or a row function), so the columns are added to them rather than to a copy: a wave
 * of a million answers makes no second million objects. Rows from the database pass through one `then` each rather
 * than an async generator's several turns, a fifth of export answers' time; stopping early stops the source too.
 */
export function withPracticeContext<R extends { practice_code: unknown; wave: unknown }>(
  rows: Iterable<R> | AsyncIterable<R>,
  context: PracticeContext,
): Iterable<R & PracticeContextRow> | AsyncIterable<R & PracticeContextRow> {
  const add = (row: R) => Object.assign(row, context.at(String(row.practice_code), String(row.wave)))
  if (Symbol.iterator in rows) return mappedRows(rows, add)
  const source = rows[Symbol.asyncIterator]()
  const added = (result: IteratorResult<R>): IteratorResult<R & PracticeContextRow> => (result.done ? result : { done: false, value: add(result.value) })
  const iterator: AsyncIterableIterator<R & PracticeContextRow> = {
    [Symbol.asyncIterator]: () => iterator,
    next: () => source.next().then(added),
    return: async (value?: unknown) => {
      await source.return?.(value)
      return { done: true, value: undefined }
    },
  }
  return iterator
}

function* mappedRows<R, O>(rows: Iterable<R>, map: (row: R) => O): Generator<O> {
  for (const row of rows) yield map(row)
}
