// What the scorecard says where two waves were answered in different versions of a questionnaire: which statements the
// change compares and which it leaves out, and where the trajectory's line breaks.
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import { allItems, fillIntervention } from '../../questionnaires/questionnaire-model.js'
import type { VersionBreak } from '../../scoring/index.js'
import { questionnaireLabel, type QuestionnaireWords } from './report-labels.js'

interface Page {
  t: Translate
  format: Formats
  intervention: string
}

/** The break of one questionnaire between two waves, or undefined when both were answered in the same version. */
export const breakOf = (breaks: readonly VersionBreak[], questionnaire: string) => breaks.find((b) => b.questionnaire === questionnaire)

/**
 * "Normalisation changed from version 1 to version 2 between Baseline and Six months: the change compares only the 18
 * statements both versions ask; 2 are left out: “…” and “…”." A left-out statement is worded as the page's language
 * has it when the shown version has it, else as its own version words it.
 */
export function versionBreakSentence(b: VersionBreak, waves: { from: string; to: string }, words: QuestionnaireWords, page: Page): string {
  const { t, format, intervention } = page
  const wording = new Map(allItems(words.shown).map((item) => [item.id, item.text]))
  // A statement's own full stop would end the sentence inside the quotation marks.
  const text = (id: string, own: string) => fillIntervention(wording.get(id) ?? own, intervention).replace(/\.$/, '')
  const items = b.leftOut.map((item) => t('reports:versionBreak.item', { text: text(item.id, item.text) }))
  const compared = t('reports:versionBreak.compared', {
    count: b.compared.length,
    questionnaire: questionnaireLabel(b.questionnaire, t),
    from: b.versionFrom,
    to: b.versionTo,
    fromWave: waves.from,
    toWave: waves.to,
  })
  return items.length === 0
    ? t('reports:versionBreak.noneLeftOut', { compared })
    : t('reports:versionBreak.leftOut', { compared, count: items.length, items: format.list(items) })
}
