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
