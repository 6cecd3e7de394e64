// Breakdowns of practice scale scores by setting and by role, for the scorecard. Kept apart from
// scoreWave because only a practice's own page needs them: computing them for every practice of a
// large programme would triple the cost of scoring a wave.
import { SETTINGS, type Setting } from '../questionnaires/definition-schema.js'
import { breakdownRows, groupOrder, groupRows, NO_ROLE, type BreakdownResult } from './breakdowns.js'
import { withheldGroups } from './complementary-suppression.js'
import type { PracticeScaleRef } from './practice-scores.js'
import type { Respondent } from './respondent.js'
import { scaleRef } from './practice-scores.js'
import type { WaveInput } from './score-wave.js'
import { scoredPractices, scoresOn, type ScoredRespondent } from './scored-practices.js'
import { resolveScoringOptions } from './scoring-options.js'
import { buildScoringPlan } from './scoring-plan.js'

/**
 * Rows for the given practices (all when omitted), ordered by practice code, scale, then setting
 * groups before role groups. Every setting has a row, and every role any respondent of the wave
 * gave (no role included when someone gave none), so that a missing row stands for a 0 only where the
 * whole wave has none; among a setting's roles, those the wave has in that setting. A
 * practice withheld on a scale (fewer than minPracticeN respondents with a score) has no rows for it;
 * see breakdownRows for the group rules, and roleRows for roles.
 */
export function scoreBreakdowns(input: WaveInput, practiceCodes?: readonly string[]): BreakdownResult[] {
  const options = resolveScoringOptions(input.options)
  const plan = buildScoringPlan(input.questionnaire)
  const rolesOf = (rs: readonly Respondent[]) => groupOrder('role', [...new Set(rs.map((r) => r.role ?? NO_ROLE))])
  const roles = rolesOf(input.respondents)
  const rolesIn = new Map(SETTINGS.map((setting) => [setting, rolesOf(input.respondents.filter((r) => r.setting === setting))]))
  const wanted = practiceCodes && new Set(practiceCodes)
  const respondents = wanted ? input.respondents.filter((r) => wanted.has(r.practiceCode)) : input.respondents
  const rows: BreakdownResult[] = []
  for (const { code, members } of scoredPractices(plan, respondents)) {
    plan.scales.forEach((scale, s) => {
      const ref: PracticeScaleRef = { ...scaleRef(scale), practiceCode: code, wave: input.wave }
      if (scoresOn(members, s).length < options.minPracticeN) return
      const scored = members.filter((m) => !Number.isNaN(m.scores[s]!))
      const bySetting = new Map(SETTINGS.map((setting) => [setting as string, scored.filter((m) => m.respondent.setting === setting).map((m) => m.scores[s]!)]))
      const settingRows = breakdownRows(ref, 'setting', bySetting, options.minBreakdownN, true)
      const shownSettings = new Set(settingRows.filter((r) => !r.withheld).map((r) => r.group as Setting))
      rows.push(...settingRows, ...roleRows(ref, scored, s, { all: roles, in: rolesIn }, shownSettings, options.minBreakdownN))
    })
  }
  return rows
}

const roleOf = (m: ScoredRespondent) => m.respondent.role ?? NO_ROLE

/**
 * Roles are nested in settings, so their rows must not undo the setting rows: a role group is shown only when all its
 * members are in one setting that is shown, and the same rule then holds among that setting's roles, with the setting's
 * shown figure as their total. A role whose members sit in several settings is withheld in each of them (its part in
 * one setting would otherwise be that setting minus its other roles). Roles of settings nobody in the wave belongs to
 * can leave a single withheld role beside the practice's figure: then the smallest shown role goes too, and the
 * settings' roles are worked out again.
 */
function roleRows(
  ref: PracticeScaleRef,
  scored: readonly ScoredRespondent[],
  s: number,
  roles: { all: readonly string[]; in: ReadonlyMap<Setting, readonly string[]> },
  shownSettings: ReadonlySet<Setting>,
  minBreakdownN: number,
): BreakdownResult[] {
  const sizeOf = (role: string) => scored.filter((m) => roleOf(m) === role).length
  const forced = new Set(roles.all.filter((role) => new Set(scored.filter((m) => roleOf(m) === role).map((m) => m.respondent.setting)).size > 1))
  for (;;) {
    const shown = new Set<string>()
    for (const setting of shownSettings) {
      const inSetting = scored.filter((m) => m.respondent.setting === setting)
      const sizes = roles.in.get(setting)!.map((key) => ({ key, n: inSetting.filter((m) => roleOf(m) === key).length }))
      const withheld = withheldGroups(sizes, minBreakdownN, true, forced)
      for (const { key, n } of sizes) if (n > 0 && !withheld.has(key)) shown.add(key)
    }
    // The roles are also a breakdown of the practice's own figure: when that alone would pin a withheld role, one more
    // goes, and the settings' roles are worked out again around it.
    const pinned = withheldGroups(
      roles.all.map((key) => ({ key, n: sizeOf(key) })),
      minBreakdownN,
      true,
      new Set(roles.all.filter((role) => !shown.has(role))),
    )
    const extra = roles.all.find((role) => pinned.has(role) && shown.has(role))
    if (!extra) {
      const groups = new Map(roles.all.map((role) => [role, scored.filter((m) => roleOf(m) === role).map((m) => m.scores[s]!)]))
      return groupRows(ref, 'role', groups, new Set(roles.all.filter((role) => !shown.has(role))))
    }
    forced.add(extra)
  }
}
