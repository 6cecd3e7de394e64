// The scorecard's table of responses and response rates, with small groups withheld.
import type { InvitationCount, SubmittedCount } from '../../domain/response-counts.js'
import { SETTINGS, type Setting } from '../../questionnaires/definition-schema.js'
import { withheldGroups } from '../../scoring/index.js'
import { findRole, SETTING_LABELS } from '../../survey/roles.js'
import { fewerThan, formatCount, formatPercent } from './display-numbers.js'
import { WITHHELD_GROUP } from './report-labels.js'

export interface ResponseRow {
  group: string
  responses: string
  rate: string
}

const presetSetting = (role: string | null): Setting | null => (role ? (findRole(role)?.setting ?? null) : null)
const sum = (counts: readonly { n: number }[]) => counts.reduce((total, c) => total + c.n, 0)

/**
 * The overall rate is responses that came through an invitation ÷ invitations created: responses through the
 * practice's open link are counted among the responses but not in the rate, since nobody knows how many people
 * saw that link. By setting, the rate is known only where invitations named a role (and so a setting):
 * responses through those ÷ those invitations. The total is withheld below minPracticeN; settings below
 * minBreakdownN are withheld, with complementary suppression as for score breakdowns.
 */
export function responseRows(
  counts: { submitted: readonly SubmittedCount[]; invitations: readonly InvitationCount[] },
  thresholds: { minPracticeN: number; minBreakdownN: number },
): { total: ResponseRow; settings: ResponseRow[] } {
  const total = sum(counts.submitted)
  const totalShown = total >= thresholds.minPracticeN
  const invited = sum(counts.invitations)
  const viaInvitation = sum(counts.submitted.filter((c) => c.viaInvitation))
  const hidden = fewerThan(thresholds.minPracticeN)
  const totalRow: ResponseRow = {
    group: 'All settings',
    responses: totalShown ? formatCount(total) : hidden,
    rate:
      invited === 0
        ? 'Not known: no invitations, open link only'
        : totalShown
          ? `${formatPercent(viaInvitation, invited)} (${formatCount(viaInvitation)} of ${formatCount(invited)} invitations)`
          : hidden,
  }

  const bySetting = SETTINGS.map((setting) => ({ key: setting, n: sum(counts.submitted.filter((c) => c.setting === setting)) }))
  const withheld = withheldGroups(
    bySetting.filter((g) => g.n > 0),
    thresholds.minBreakdownN,
    totalShown,
  )
  const settings = bySetting.map(({ key: setting, n }): ResponseRow => {
    const shown = totalShown && !withheld.has(setting)
    const invitedHere = sum(counts.invitations.filter((c) => presetSetting(c.presetRole) === setting))
    const answeredHere = sum(counts.submitted.filter((c) => c.viaInvitation && presetSetting(c.presetRole) === setting))
    return {
      group: SETTING_LABELS[setting],
      responses: shown ? formatCount(n) : WITHHELD_GROUP,
      rate:
        invitedHere === 0
          ? 'Not known: no invitations named a role in this setting'
          : shown
            ? `${formatPercent(answeredHere, invitedHere)} (${formatCount(answeredHere)} of ${formatCount(invitedHere)} invitations)`
            : WITHHELD_GROUP,
    }
  })
  return { total: totalRow, settings }
}
