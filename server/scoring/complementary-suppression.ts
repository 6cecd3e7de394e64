// Which breakdown groups to withhold so that no withheld group can be recovered from the figures shown.

export interface GroupSize {
  key: string
  n: number
}

/**
 * Primary suppression: a group with n < minN is withheld; every group is withheld when the total
 * beside them is withheld. Complementary suppression: if exactly one group is withheld while others
 * are shown beside a shown total, subtracting the shown groups from the total would reveal it, so
 * the smallest shown group (ties: the one listed first) is withheld too. Two withheld groups can only
 * be recovered together, never apart.
 */
export function withheldGroups(groups: readonly GroupSize[], minN: number, totalShown: boolean): Set<string> {
  if (!totalShown) return new Set(groups.map((g) => g.key))
  const withheld = new Set(groups.filter((g) => g.n < minN).map((g) => g.key))
  const shown = groups.filter((g) => !withheld.has(g.key))
  if (withheld.size === 1 && shown.length > 0) {
    const next = shown.reduce((smallest, g) => (g.n < smallest.n ? g : smallest))
    withheld.add(next.key)
  }
  return withheld
}
