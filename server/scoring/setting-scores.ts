// Scores one setting's respondents on their own: the comparison page's "by setting" view.
import type { Setting } from '../questionnaires/definition-schema.js'
import { shownSettings } from './complementary-suppression.js'
import type { Respondent } from './respondent.js'
import { scoreBreakdowns } from './score-breakdowns.js'
import { scoreWave, type WaveInput, type WaveScores } from './score-wave.js'
import { resolveScoringOptions } from './scoring-options.js'

const key = (practiceCode: string, scale: string) => `${practiceCode}\u0000${scale}`

/**
 * Only respondents in `setting` are scored. A practice's figure on a scale is shown only where the
 * scorecard's breakdown by setting shows that group (at least minBreakdownN respondents, the practice
 * figure shown, and complementary suppression), so this view can never reveal a group the breakdowns
 * withhold, nor let one be recovered by subtraction from the practice total; and only where the scorecard's table of
 * responses shows the setting's count (respondentsShown), so that a count withheld there is not bounded by this view's
 * figures. The shown figures are
 * then the breakdown's own n, mean and CI; withheld practices are left out of every programme figure.
 * General 0–10 items use the breakdown threshold too.
 */
export function scoreWaveForSetting(input: WaveInput, setting: Setting): WaveScores {
  const options = resolveScoringOptions(input.options)
  const shownCounts = respondentsShown(input.respondents, options)
  const shown = new Set(
    scoreBreakdowns(input)
      .filter((b) => b.by === 'setting' && b.group === setting && !b.withheld)
      .filter((b) => shownCounts.has(`${b.practiceCode}\u0000${setting}`))
      .map((b) => key(b.practiceCode, b.scale)),
  )
  return scoreWave({
    ...input,
    respondents: input.respondents.filter((r) => r.setting === setting),
    options: { ...options, minPracticeN: Math.max(options.minPracticeN, options.minBreakdownN) },
    alsoWithhold: (practiceCode, scale) => !shown.has(key(practiceCode, scale)),
  })
}

/** `practice code \u0000 setting` for every setting whose number of respondents the response table shows (shownSettings). */
export function respondentsShown(respondents: readonly Respondent[], options: { minPracticeN: number; minBreakdownN: number }): Set<string> {
  const counts = new Map<string, Map<Setting, number>>()
  for (const r of respondents) {
    const practice = counts.get(r.practiceCode) ?? new Map<Setting, number>()
    counts.set(r.practiceCode, practice.set(r.setting, (practice.get(r.setting) ?? 0) + 1))
  }
  return new Set([...counts].flatMap(([code, bySetting]) => [...shownSettings(bySetting, options)].map((setting) => `${code}\u0000${setting}`)))
}
