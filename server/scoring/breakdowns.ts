// A practice's scale scores broken down by setting or by role, with small groups withheld and
// complementary suppression so that no withheld group can be recovered from the total beside it.
import { SETTINGS } from '../questionnaires/definition-schema.js'
import { withheldGroups } from './complementary-suppression.js'
import type { Interval, PracticeScaleRef } from './practice-scores.js'
import { identifyingFields, summariseScores } from './practice-scores.js'
import { toScore100 } from './respondent-scores.js'

export type BreakdownDimension = 'setting' | 'role'

export interface BreakdownRef extends PracticeScaleRef {
  by: BreakdownDimension
  /** The setting or role; null for respondents who stated no role. */
  group: string | null
}

export interface WithheldBreakdown extends BreakdownRef {
  withheld: true
}

export interface ShownBreakdown extends BreakdownRef {
  withheld: false
  n: number
  /** Respondent-weighted mean (1–5) of the group's scores, whatever the practice weighting. */
  mean: number
  score: number
  sd: number | null
  ci: Interval | null
  scoreCi: Interval | null
}

export type BreakdownResult = WithheldBreakdown | ShownBreakdown

export const NO_ROLE = '\u0000no role'

function withheldBreakdown(ref: PracticeScaleRef, by: BreakdownDimension, group: string | null): WithheldBreakdown {
  return {
    ...identifyingFields(ref),
    practiceCode: ref.practiceCode,
    wave: ref.wave,
    by,
    group,
    withheld: true,
  }
}

/** Settings in the order general practice, link worker, community; roles alphabetically, no role last. */
export function groupOrder(by: BreakdownDimension, keys: readonly string[]): string[] {
  if (by === 'setting') return SETTINGS.filter((s) => keys.includes(s))
  return [...keys].sort((a, b) => (a === NO_ROLE ? 1 : b === NO_ROLE ? -1 : a < b ? -1 : a > b ? 1 : 0))
}

/**
 * One row per group of `groups` (NO_ROLE for respondents who stated no role), those with no scores included: their row
 * is withheld like any other small group. Groups in `withheld` get identifiers only.
 */
export function groupRows(
  ref: PracticeScaleRef,
  by: BreakdownDimension,
  groups: ReadonlyMap<string, readonly number[]>,
  withheld: ReadonlySet<string>,
): BreakdownResult[] {
  return groupOrder(by, [...groups.keys()]).map((key): BreakdownResult => {
    const group = key === NO_ROLE ? null : key
    if (withheld.has(key)) return withheldBreakdown(ref, by, group)
    const s = summariseScores(groups.get(key)!)
    return {
      ...withheldBreakdown(ref, by, group),
      withheld: false,
      n: s.n,
      mean: s.mean,
      score: toScore100(s.mean),
      sd: s.sd,
      ci: s.ci,
      scoreCi: s.ci && { low: toScore100(s.ci.low), high: toScore100(s.ci.high) },
    }
  })
}

/**
 * One row per group of `groups`, which must hold every group the breakdown can have (a group with no scores maps to []):
 * a group left out would be read as a shown 0. `totalShown` says whether the practice figure is shown; a withheld
 * practice gets no breakdown rows at all, so not even which groups answered is shown. Which groups are withheld is
 * withheldGroups' rule.
 */
export function breakdownRows(
  ref: PracticeScaleRef,
  by: BreakdownDimension,
  groups: ReadonlyMap<string, readonly number[]>,
  minBreakdownN: number,
  totalShown: boolean,
): BreakdownResult[] {
  if (!totalShown) return []
  const keys = groupOrder(by, [...groups.keys()])
  return groupRows(
    ref,
    by,
    groups,
    withheldGroups(
      keys.map((key) => ({ key, n: groups.get(key)!.length })),
      minBreakdownN,
      true,
    ),
  )
}
