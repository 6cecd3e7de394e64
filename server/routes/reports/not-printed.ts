// The words a page shows in place of an alpha, ICC or CI that printable-statistics.ts withholds, one per reason.
import type { Translate } from '../../i18n/translate.js'
import { MIN_ALPHA_RESPONDENTS, MIN_ICC_PRACTICE_RESPONDENTS, MIN_ICC_PRACTICES, type WithheldReason } from '../../scoring/index.js'

/** Which figure is withheld: a negative alpha and a negative ICC(2) are explained differently. */
export type Statistic = 'alpha' | 'icc' | 'ci'

const WORDS: Record<WithheldReason, (t: Translate, statistic: Statistic) => string> = {
  too_few_items: (t) => t('reports:notPrinted.tooFewItems'),
  too_few_respondents: (t) => t('reports:notPrinted.tooFewRespondents', { count: MIN_ALPHA_RESPONDENTS }),
  too_few_practices: (t) => t('reports:notPrinted.tooFewPractices', { count: MIN_ICC_PRACTICES, each: MIN_ICC_PRACTICE_RESPONDENTS }),
  no_variance: (t) => t('reports:notPrinted.noVariance'),
  negative: (t, statistic) => (statistic === 'alpha' ? t('reports:notPrinted.alphaNegative') : t('reports:notPrinted.icc2Negative')),
  wider_than_scale: (t) => t('reports:notPrinted.widerThanScale'),
  one_response: (t) => t('reports:scorecard.oneResponse'),
}

export const notPrinted = (reason: WithheldReason, statistic: Statistic, t: Translate): string => WORDS[reason](t, statistic)
