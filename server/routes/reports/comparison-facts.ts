// What the comparison says of each practice beside its scores: responses and response rate at the wave shown, the
// implementation stage recorded for it, and the words of a change in overall score (as the scorecard words a change).
import type { ImplementationStage, Practice } from '../../domain/practice.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import type { OverallChange } from '../../scoring/index.js'
import type { ComparisonData } from '../../services/report-service.js'
import { significanceFlag } from './change-cell.js'
import { formatChange } from './display-numbers.js'
import { responseRows } from './response-rates.js'

export interface PracticeFacts {
  responses: string
  rate: string
  stage: string
}

/** "Not started" from the catalogue's "not started": a table cell starts with a capital. */
export function stageLabel(stage: ImplementationStage | null | undefined, t: Translate): string {
  if (!stage) return t('reports:compare.stageNotRecorded')
  const text = t(`study:stages.${stage}`)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * The practice's responses (every setting's, whatever the setting filter) and response rate, as the scorecard's response
 * table gives its total: both withheld below the programme's minimum of responses, when its scores are withheld too.
 */
export function practiceFacts(data: ComparisonData, practice: Practice, t: Translate, format: Formats): PracticeFacts {
  const counts = data.responses.get(practice.id) ?? { submitted: [], invitations: [] }
  const { total } = responseRows(counts, data.programme, t, format)
  return { responses: total.responses, rate: total.rate, stage: stageLabel(data.stages.get(practice.id), t) }
}

export interface ChangeWords {
  /** The difference in score points, for sorting only; null when not shown. */
  value: number | null
  text: string
  /** The significance in words; empty when the change is not shown. */
  flag: string
}

/** A change in overall score in words: "+6, significant rise"; the scorecard's words when it is withheld or cannot be had. */
export function overallChangeWords(row: OverallChange | undefined | null, available: boolean, t: Translate, minPracticeN: number): ChangeWords {
  if (!available) return { value: null, text: t('reports:notAvailable'), flag: '' }
  if (!row || row.withheld) return { value: null, text: t('reports:scorecard.changeWithheld', { count: minPracticeN }), flag: '' }
  return { value: row.difference, text: formatChange(row.difference), flag: significanceFlag(row, t) }
}
