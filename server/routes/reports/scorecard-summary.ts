// The scorecard's first screen, for a questionnaire: each top-level scale's score and band in words, and which way
// it moved since the previous wave, with whether that is more than chance.
import type { Translate } from '../../i18n/translate.js'
import type { ChangeRow, PracticeScaleResult } from '../../scoring/index.js'
import { plainChange, type PlainChange } from './change-cell.js'
import { fewerThan, formatScore } from './display-numbers.js'
import type { BandLabel, QuestionnaireWords } from './report-labels.js'

export interface SummaryRow {
  /** The plain name, with the theory's after it (shown smaller), when the definition gives plain words. */
  name: { plain: string; theory: string | null }
  /** The words instead of the score and band, when withheld. */
  withheld: string | null
  score: string
  band: BandLabel | null
  /** Null when there is no previous wave to compare with. */
  change: PlainChange | null
}

interface Scale {
  scale: string
  scaleName: string
  scalePath: readonly string[]
}

export function summaryRows(
  top: readonly Scale[],
  rows: ReadonlyMap<string, PracticeScaleResult>,
  changes: ReadonlyMap<string, ChangeRow> | null,
  words: QuestionnaireWords,
  page: { t: Translate; minPracticeN: number },
): SummaryRow[] {
  return top.map((s) => {
    const row = rows.get(s.scale)
    const shown = row && !row.withheld ? row : null
    return {
      name: words.nameParts(s.scalePath, s.scaleName),
      withheld: shown ? null : fewerThan(page.minPracticeN, page.t),
      score: shown ? formatScore(shown.score) : '',
      band: shown ? words.band(shown.band) : null,
      change: changes ? plainChange(changes.get(s.scale), page) : null,
    }
  })
}
