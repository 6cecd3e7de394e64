// The programme's trajectory by practice context: per group of practices, the unweighted mean of its practices' scores.

/** A group's mean is shown only when at least this many of its practices have their score shown. */
export const MIN_GROUP_PRACTICES = 2

export interface GroupMean {
  group: string
  /** Practices of the group with a shown score. */
  n: number
  /** The unweighted mean of their scores (0–100); null when n < MIN_GROUP_PRACTICES. */
  mean: number | null
}

/**
 * `scores`: each practice's shown score (practice code → 0–100); withheld scores are simply absent, so they are in no
 * group's n nor mean. `groupOf` names a practice's group. Every group in `groups` gets a row, in that order, even with
 * n = 0; a practice whose group is not among them is left out.
 */
export function groupMeans(scores: ReadonlyMap<string, number>, groupOf: (practiceCode: string) => string, groups: readonly string[]): GroupMean[] {
  const members = new Map<string, number[]>(groups.map((g) => [g, []]))
  for (const [code, score] of scores) members.get(groupOf(code))?.push(score)
  return groups.map((group) => {
    const list = members.get(group)!
    return { group, n: list.length, mean: list.length < MIN_GROUP_PRACTICES ? null : list.reduce((sum, x) => sum + x, 0) / list.length }
  })
}
