// The scoring API: pure functions over plain data, for the scorecard and the CSV exports.
export { scoreWave, type ScaleStats, type WaveInput, type WaveScores } from './score-wave.js'
export { scoreBreakdowns } from './score-breakdowns.js'
export { scoreWaveForSetting } from './setting-scores.js'
export { overallScores, type OverallResult, type ShownOverall, type WithheldOverall } from './overall-scores.js'
export {
  overallChange,
  respondentOverall,
  topScales,
  type OverallChange,
  type OverallWave,
  type ShownOverallChange,
  type WithheldOverallChange,
} from './overall-change.js'
export { groupMeans, MIN_GROUP_PRACTICES, type GroupMean } from './group-means.js'
export { shownSettings, audienceShown, withheldGroups, type GroupSize } from './complementary-suppression.js'
export {
  commonItemsDefinition,
  commonScoredItemIds,
  comparedDefinitions,
  sameScoredItem,
  versionBreak,
  type LeftOutItem,
  type VersionBreak,
} from './common-items.js'
export { compareWaves, welchTest, CHANGE_ALPHA, type ChangeRow, type ShownChange, type WithheldChange, type WelchTest } from './wave-change.js'
export { respondentScores, toScore100, type RespondentScaleScore } from './respondent-scores.js'
export type { Respondent } from './respondent.js'
export { DEFAULT_SCORING_OPTIONS, type ScoringOptions } from './scoring-options.js'
export { ScoringInputError } from './scoring-input-error.js'
export type { Interval, PracticeScaleResult, ScaleRef, ShownPracticeScale, WithheldPracticeScale } from './practice-scores.js'
export type { BreakdownDimension, BreakdownResult, ShownBreakdown, WithheldBreakdown } from './breakdowns.js'
export type { GeneralItemResult, ShownGeneralItem, WithheldGeneralItem } from './general-items.js'
export { LOW_AGREEMENT, WIDE_DISAGREEMENT, viewsDifferWidely } from './agreement.js'
export { practiceHighlights, HIGHLIGHTS, type Highlights } from './highlights.js'
export {
  MIN_ALPHA_ITEMS,
  MIN_ALPHA_RESPONDENTS,
  MIN_ICC_PRACTICE_RESPONDENTS,
  MIN_ICC_PRACTICES,
  printableInterval,
  printableScaleStats,
  WITHHELD_REASONS,
  type Printable,
  type PrintableInterval,
  type WithheldReason,
} from './printable-statistics.js'
