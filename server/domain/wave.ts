// A wave: one round of the survey in a programme (baseline, six months, …).
export type WaveStatus = 'draft' | 'open' | 'closed'

export interface Wave {
  id: number
  programmeId: number
  slug: string
  title: string
  opensOn: string | null
  closesOn: string | null
  status: WaveStatus
  position: number
  /** Questionnaire ids in the order respondents meet them. */
  questionnaireIds: string[]
}

/** A wave takes the next position in its programme. */
export type NewWave = Omit<Wave, 'id' | 'position'>
