// A practice's change in a scale since the previous wave, as a cell of the scorecard: the points on 0–100 and its significance in words.
import type { Translate } from '../../i18n/translate.js'
import type { ChangeRow } from '../../scoring/index.js'
import { formatChange, formatScore } from './display-numbers.js'

export interface ChangeCell {
  text: string
  /** The significance in words; empty when the change is withheld. */
  flag: string
}

export function changeCell(row: ChangeRow | undefined, { t, minPracticeN }: { t: Translate; minPracticeN: number }): ChangeCell {
  if (!row || row.withheld) return { text: t('reports:scorecard.changeWithheld', { count: minPracticeN }), flag: '' }
  // The change export gives the difference on 1–5; on 0–100 it is 25 times that.
  return { text: formatChange(row.difference * 25), flag: significanceFlag(row, t) }
}

/** "significant rise", "significant fall", "not significant" or "not tested": a change's test in words. */
export function significanceFlag({ changed, difference }: { changed: boolean | null; difference: number }, t: Translate): string {
  if (changed === null) return t('reports:scorecard.flag.notTested')
  if (!changed) return t('reports:scorecard.flag.notSignificant')
  return difference > 0 ? t('reports:scorecard.flag.rise') : t('reports:scorecard.flag.fall')
}

/** A change for people who are not researchers: which way, how far, and whether it is more than chance, in words. */
export interface PlainChange {
  direction: 'up' | 'down' | 'same' | 'withheld'
  /** Which way and how far: "Up 6 points". */
  text: string
  /** Whether it is more than chance, in words; empty for no change or a withheld one. */
  why: string
}

export function plainChange(row: ChangeRow | undefined, { t, minPracticeN }: { t: Translate; minPracticeN: number }): PlainChange {
  if (!row || row.withheld) return { direction: 'withheld', text: t('reports:summary.change.withheld', { count: minPracticeN }), why: '' }
  const points = formatScore(Math.abs(row.difference * 25))
  const why = row.changed === null ? t('reports:summary.change.untested') : row.changed ? t('reports:summary.change.real') : t('reports:summary.change.chance')
  // A change that rounds to no points is no change to read, whatever its test says.
  if (Number(points) === 0) return { direction: 'same', text: t('reports:summary.change.same'), why: '' }
  const direction = row.difference > 0 ? 'up' : 'down'
  return { direction, text: t(`reports:summary.change.${direction}`, { count: Number(points) }), why }
}
