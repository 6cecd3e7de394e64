// The words a page shows in place of an alpha, ICC or CI that printable-statistics.ts withholds: a short word or two in
// the cell, and once under the table a sentence saying why in plain words.
import type { Translate } from '../../i18n/translate.js'
import { MIN_ALPHA_RESPONDENTS, MIN_ICC_PRACTICE_RESPONDENTS, MIN_ICC_PRACTICES, type WithheldReason } from '../../scoring/index.js'

/** Which figure is withheld: a negative alpha and a negative ICC(2) are explained differently. */
export type Statistic = 'alpha' | 'icc' | 'ci'

export interface NotPrinted {
  reason: WithheldReason
  statistic: Statistic
}

interface Words {
  cell: (t: Translate) => string
  /** null: the cell says it all. */
  note: (t: Translate) => string | null
}

const WORDS: Record<WithheldReason, (statistic: Statistic) => Words> = {
  too_few_items: () => ({ cell: (t) => t('reports:notPrinted.oneStatement'), note: (t) => t('reports:notPrinted.oneStatementNote') }),
  too_few_respondents: () => ({
    cell: (t) => t('reports:notPrinted.tooFewComplete'),
    note: (t) => t('reports:notPrinted.tooFewCompleteNote', { count: MIN_ALPHA_RESPONDENTS }),
  }),
  too_few_practices: () => ({
    cell: (t) => t('reports:notPrinted.tooFewPractices'),
    note: (t) => t('reports:notPrinted.tooFewPracticesNote', { count: MIN_ICC_PRACTICES, each: MIN_ICC_PRACTICE_RESPONDENTS }),
  }),
  no_variance: () => ({ cell: (t) => t('reports:notPrinted.noVariation'), note: (t) => t('reports:notPrinted.noVariationNote') }),
  negative: (statistic) => ({
    cell: (t) => t('reports:notPrinted.belowZero'),
    note: (t) => (statistic === 'alpha' ? t('reports:notPrinted.alphaBelowZeroNote') : t('reports:notPrinted.icc2BelowZeroNote')),
  }),
  wider_than_scale: () => ({ cell: (t) => t('reports:notPrinted.tooUncertain'), note: (t) => t('reports:notPrinted.tooUncertainNote') }),
  one_response: () => ({ cell: (t) => t('reports:scorecard.oneResponse'), note: () => null }),
}

/** The cell's words. */
export const notPrinted = ({ reason, statistic }: NotPrinted, t: Translate): string => WORDS[reason](statistic).cell(t)

/** The sentences under a table, one for each kind of figure it withholds, in the order they first appear. */
export function notPrintedNotes(withheld: readonly NotPrinted[], t: Translate): string[] {
  const notes = withheld.map(({ reason, statistic }) => WORDS[reason](statistic).note(t)).filter((note): note is string => note !== null)
  return [...new Set(notes)]
}
