// Scores one setting's respondents on their own: the comparison page's "by setting" view.
import type { Setting } from '../questionnaires/definition-schema.js'
import { scoreBreakdowns } from './score-breakdowns.js'
import { scoreWave, type WaveInput, type WaveScores } from './score-wave.js'
import { resolveScoringOptions } from './scoring-options.js'

const key = (practiceCode: string, scale: string) => `${practiceCode}\u0000${scale}`

/**
 * Only respondents in `setting` are scored. A practice's figure on a scale is shown only where the
 * scorecard's breakdown by setting shows that group (at least minBreakdownN respondents, the practice
 * figure shown, and complementary suppression), so this view can never reveal a group the breakdowns
 * withhold, nor let one be recovered by subtraction from the practice total. The shown figures are
 * then the breakdown's own n, mean and CI; withheld practices are left out of every programme figure.
 * General 0–10 items use the breakdown threshold too.
 */
export function scoreWaveForSetting(input: WaveInput, setting: Setting): WaveScores {
  const options = resolveScoringOptions(input.options)
  const shown = new Set(
    scoreBreakdowns(input)
      .filter((b) => b.by === 'setting' && b.group === setting && !b.withheld)
      .map((b) => key(b.practiceCode, b.scale)),
  )
  return scoreWave({
    ...input,
    respondents: input.respondents.filter((r) => r.setting === setting),
    options: { ...options, minPracticeN: Math.max(options.minPracticeN, options.minBreakdownN) },
    alsoWithhold: (practiceCode, scale) => !shown.has(key(practiceCode, scale)),
  })
}
