// The scorecard's table of responses and response rates, with small groups withheld.
import { countsBySetting, type InvitationCount, type SubmittedCount } from '../../domain/response-counts.js'
import { SETTINGS, type Setting } from '../../questionnaires/definition-schema.js'
import { shownSettings } from '../../scoring/index.js'
import { formats, type Formats } from '../../i18n/format.js'
import { english, type Translate } from '../../i18n/translate.js'
import { findRole, settingLabel } from '../../survey/roles.js'
import { fewerThan, formatCount, formatPercent } from './display-numbers.js'
import { withheldGroup } from './report-labels.js'

export interface ResponseRow {
  group: string
  responses: string
  rate: string
  /** No invitation named a role in this setting, so its rate cannot be known. */
  noRoleNamed: boolean
}

const presetSetting = (role: string | null): Setting | null => (role ? (findRole(role)?.setting ?? null) : null)
const sum = (counts: readonly { n: number }[]) => counts.reduce((total, c) => total + c.n, 0)

/**
 * The overall rate is responses that came through an invitation ÷ invitations created: responses through the
 * practice's open link are counted among the responses but not in the rate, since nobody knows how many people
 * saw that link. By setting, the rate is known only where invitations named a role (and so a setting):
 * responses through those ÷ those invitations. The total is withheld below minPracticeN; settings below
 * minBreakdownN (0 among them) are withheld, with complementary suppression as for score breakdowns (shownSettings).
 */
export function responseRows(
  counts: { submitted: readonly SubmittedCount[]; invitations: readonly InvitationCount[] },
  thresholds: { minPracticeN: number; minBreakdownN: number },
  t: Translate = english,
  format: Formats = formats('en-GB'),
): { total: ResponseRow; settings: ResponseRow[] } {
  const count = (n: number) => formatCount(n, format)
  const rate = (answered: number, invited: number) =>
    t('reports:scorecard.responses.rateOf', { percent: formatPercent(answered, invited), answered: count(answered), invited: count(invited) })
  const withheldWord = withheldGroup(t)
  const total = sum(counts.submitted)
  const totalShown = total >= thresholds.minPracticeN
  const invited = sum(counts.invitations)
  const viaInvitation = sum(counts.submitted.filter((c) => c.viaInvitation))
  const hidden = fewerThan(thresholds.minPracticeN, t)
  const totalRow: ResponseRow = {
    group: t('reports:scorecard.responses.allSettings'),
    responses: totalShown ? count(total) : hidden,
    rate: invited === 0 ? t('reports:scorecard.responses.openLinkOnly') : totalShown ? rate(viaInvitation, invited) : hidden,
    noRoleNamed: false,
  }

  const bySetting = countsBySetting(counts.submitted)
  // Settings nobody answered from go in too: a 0 shown beside a withheld setting and the total gives that setting away.
  const shownHere = shownSettings(bySetting, thresholds)
  const settings = SETTINGS.map((setting): ResponseRow => {
    const shown = shownHere.has(setting)
    const invitedHere = sum(counts.invitations.filter((c) => presetSetting(c.presetRole) === setting))
    const answeredHere = sum(counts.submitted.filter((c) => c.viaInvitation && presetSetting(c.presetRole) === setting))
    return {
      group: settingLabel(setting, t),
      responses: shown ? count(bySetting.get(setting) ?? 0) : withheldWord,
      rate: invitedHere === 0 ? t('reports:scorecard.responses.noRoleNamed') : shown ? rate(answeredHere, invitedHere) : withheldWord,
      noRoleNamed: invitedHere === 0,
    }
  })
  return { total: totalRow, settings }
}
