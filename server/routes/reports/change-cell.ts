// A practice's change in a scale since the previous wave, as a cell of the scorecard: the points on 0–100 and its significance in words.
import type { Translate } from '../../i18n/translate.js'
import type { ChangeRow } from '../../scoring/index.js'
import { formatChange } from './display-numbers.js'

export interface ChangeCell {
  text: string
  /** The significance in words; empty when the change is withheld. */
  flag: string
}

export function changeCell(row: ChangeRow | undefined, { t, minPracticeN }: { t: Translate; minPracticeN: number }): ChangeCell {
  if (!row || row.withheld) return { text: t('reports:scorecard.changeWithheld', { count: minPracticeN }), flag: '' }
  const flag =
    row.changed === null
      ? t('reports:scorecard.flag.notTested')
      : row.changed
        ? row.difference > 0
          ? t('reports:scorecard.flag.rise')
          : t('reports:scorecard.flag.fall')
        : t('reports:scorecard.flag.notSignificant')
  // The change export gives the difference on 1–5; on 0–100 it is 25 times that.
  return { text: formatChange(row.difference * 25), flag }
}
