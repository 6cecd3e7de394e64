// The one rule for every count and figure shown by group beside a total: which groups to withhold so that no
// withheld group can be worked out from the figures shown.
import { SETTINGS, type Setting } from '../questionnaires/definition-schema.js'

export interface GroupSize {
  key: string
  n: number
}

/**
 * `groups` must be every group the breakdown can have, those of 0 included: a group left out would be read as a shown 0.
 *
 * Primary suppression: a group with n < minN is withheld, and a group of 0 is such a group (it shows "withheld", never
 * 0: a 0 shown beside a withheld group and the total pins the withheld one). Every group is withheld when the total
 * beside them is withheld.
 *
 * Complementary suppression: the shown groups subtracted from the total give the withheld groups' sum. That sum pins a
 * withheld group when it is the only one, or when the sum is 0 (each of them is then 0). While either holds, the
 * smallest shown group (ties: the one listed first) is withheld too. Afterwards two or more groups are withheld with a
 * sum of at least 1, so any one of them could hold all of it or none: they can only be recovered together.
 *
 * `alsoWithhold`: groups withheld whatever their size, before the complement is chosen (a role whose members sit in
 * several settings, within each of them). A breakdown of one group can only equal its total: the caller shows the total
 * at its own threshold.
 */
export function withheldGroups(groups: readonly GroupSize[], minN: number, totalShown: boolean, alsoWithhold: ReadonlySet<string> = new Set()): Set<string> {
  if (!totalShown) return new Set(groups.map((g) => g.key))
  const withheld = new Set(groups.filter((g) => g.n < minN || alsoWithhold.has(g.key)).map((g) => g.key))
  const pinned = () => withheld.size === 1 || groups.every((g) => !withheld.has(g.key) || g.n === 0)
  for (;;) {
    const shown = groups.filter((g) => !withheld.has(g.key))
    if (withheld.size === 0 || shown.length === 0 || !pinned()) return withheld
    withheld.add(shown.reduce((smallest, g) => (g.n < smallest.n ? g : smallest)).key)
  }
}

/**
 * The settings whose number of respondents a practice's figures may show: withheldGroups over every setting, 0
 * included, beside the practice's total (shown from minPracticeN). The response table, the setting view of the
 * comparison and the free text all follow it.
 */
export function shownSettings(counts: ReadonlyMap<Setting, number>, thresholds: { minPracticeN: number; minBreakdownN: number }): Set<Setting> {
  const groups = SETTINGS.map((setting) => ({ key: setting, n: counts.get(setting) ?? 0 }))
  const total = groups.reduce((sum, g) => sum + g.n, 0)
  const withheld = withheldGroups(groups, thresholds.minBreakdownN, total >= thresholds.minPracticeN)
  return new Set(SETTINGS.filter((setting) => !withheld.has(setting)))
}

/**
 * Whether a figure from a question asked of `audience` may be shown beside the practice's others (its free-text answers,
 * a 0–10 item's n and mean): a question for every setting says nothing of who answered; one for some settings only is
 * a figure of those settings, so it is shown only when each of them has its count shown. Decided from the settings
 * alone, not from which have respondents, so that hiding or showing it says nothing about a withheld setting.
 */
export function audienceShown(audience: readonly Setting[], shown: ReadonlySet<Setting>): boolean {
  return SETTINGS.every((setting) => audience.includes(setting)) || audience.every((setting) => shown.has(setting))
}
