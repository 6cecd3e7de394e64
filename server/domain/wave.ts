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

/** What a wave has gathered so far: what its list shows, and what decides whether its questionnaires may still change. */
export interface WaveActivity {
  submitted: number
  invitations: number
  /** Responses with at least one answer, sent or not. */
  answered: number
}

export const NO_ACTIVITY: WaveActivity = Object.freeze({ submitted: 0, invitations: 0, answered: 0 })

/** What an edit may change; questionnaires only while nobody has answered. */
export type WaveChange = Pick<Wave, 'title' | 'opensOn' | 'closesOn' | 'questionnaireIds'>

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })

/** A calendar date (YYYY-MM-DD) in words, as people in the UK write it: "27 February 2026". */
export const dayText = (isoDate: string) => DAY.format(new Date(`${isoDate}T00:00:00Z`))
