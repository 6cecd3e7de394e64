// A GP practice taking part in a programme, with the context its results are compared by.
export type Rurality = 'urban' | 'rural'

export interface Practice {
  id: number
  programmeId: number
  code: string
  name: string
  listSize: number | null
  deprivationQuintile: number | null
  rurality: Rurality | null
  spModel: string | null
}

export type NewPractice = Omit<Practice, 'id'>

/** How far a practice has got with the intervention, recorded per wave since a practice moves between them. */
export const IMPLEMENTATION_STAGES = ['not_started', 'piloting', 'implementing', 'embedding', 'embedded'] as const
export type ImplementationStage = (typeof IMPLEMENTATION_STAGES)[number]

/** The stages in English, as exports, the audit log and the command line write them; pages take theirs from the catalogue (study:stages). */
export const STAGE_LABELS: Record<ImplementationStage, string> = {
  not_started: 'not started',
  piloting: 'piloting',
  implementing: 'implementing',
  embedding: 'embedding',
  embedded: 'embedded',
}

/** "not started" (or "not_started") → not_started; anything else → undefined. */
export function stageFromText(text: string): ImplementationStage | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  return (IMPLEMENTATION_STAGES as readonly string[]).includes(key) ? (key as ImplementationStage) : undefined
}

/** What a person sets about a practice; the stages are by wave id. */
export type PracticeDetails = Pick<Practice, 'code' | 'name' | 'listSize' | 'deprivationQuintile' | 'rurality' | 'spModel'>
