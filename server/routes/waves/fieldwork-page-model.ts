// A wave's fieldwork page: invitations and responses by practice with their response rate, the same by setting (as
// the scorecard withholds it), and responses by day as a chart with its table.
import { NO_FIELDWORK, responseRate, type DayCount, type PracticeFieldwork } from '../../domain/fieldwork.js'
import type { Practice } from '../../domain/practice.js'
import type { Programme } from '../../domain/programme.js'
import type { InvitationCount, SubmittedCount } from '../../domain/response-counts.js'
import type { Wave } from '../../domain/wave.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import { SETTINGS } from '../../questionnaires/definition-schema.js'
import { settingLabel } from '../../survey/roles.js'
import { wavesPath } from '../paths.js'
import { STAFF_HOME } from '../staff/sign-in-routes.js'
import { chartModel } from '../reports/chart-data.js'
import { REPORT_ASSETS } from '../reports/report-assets.js'
import { withheldGroupNote } from '../reports/report-labels.js'
import { responseRows } from '../reports/response-rates.js'

export const fieldworkPath = (programme: string, wave: string) => `${wavesPath(programme)}/${wave}/fieldwork`

export type PracticeCounts = { submitted: SubmittedCount[]; invitations: InvitationCount[] }

function cells(f: Omit<PracticeFieldwork, 'practiceId'>, t: Translate, format: Formats): string[] {
  const rate = responseRate(f)
  const unfinished = f.startedViaInvitation + f.startedOpen - f.submittedViaInvitation - f.submittedOpen
  return [
    format.number(f.invitations),
    format.number(f.invitationsUsed),
    format.number(f.submittedViaInvitation),
    rate === undefined ? t('study:fieldwork.noRate') : format.percent(rate),
    format.number(f.submittedOpen),
    format.number(unfinished),
  ]
}

const sum = (rows: readonly Omit<PracticeFieldwork, 'practiceId'>[]) =>
  rows.reduce((total, r) => Object.fromEntries(Object.entries(total).map(([k, v]) => [k, v + r[k as keyof typeof total]])) as typeof total, { ...NO_FIELDWORK })

/** Responses sent per day as bars; the scale's top a whole number with room above the highest day. */
function dayChart(byDay: readonly DayCount[], t: Translate, format: Formats) {
  const highest = Math.max(1, ...byDay.map((d) => d.n))
  const step = Math.max(1, Math.ceil(highest / 5))
  return chartModel('chart-by-day', t('study:fieldwork.byDay.chartLabel'), {
    type: 'bar',
    labels: byDay.map((d) => format.date(d.day)),
    series: [{ label: t('study:fieldwork.byDay.n'), values: byDay.map((d) => d.n), style: 'filled' }],
    min: 0,
    max: step * Math.ceil(highest / step),
    step,
  })
}

/**
 * `practices`: those the user may see (a steering member's own, or the whole programme's), in the programme's order.
 * `wholeProgramme`: the total row and the responses by day, which a steering member does not get: over the whole
 * programme they are not theirs to see, and within their own practice the days say when a colleague answered.
 */
export function fieldworkPageModel(
  programme: Programme,
  wave: Wave,
  practices: readonly Practice[],
  counts: readonly PracticeFieldwork[],
  bySetting: ReadonlyMap<number, PracticeCounts>,
  byDay: readonly DayCount[],
  wholeProgramme: boolean,
  { t, format }: { t: Translate; format: Formats },
) {
  const byPractice = new Map(counts.map((c) => [c.practiceId, c]))
  const rows = practices.map((p) => ({ practice: p.name, code: p.code, cells: cells(byPractice.get(p.id) ?? NO_FIELDWORK, t, format) }))
  const thresholds = { minPracticeN: programme.minPracticeN, minBreakdownN: programme.minBreakdownN }
  const settingRows = practices.map((p) => ({
    practice: p.name,
    code: p.code,
    cells: responseRows(bySetting.get(p.id) ?? { submitted: [], invitations: [] }, thresholds, t, format).settings.flatMap((s) => [
      s.responses,
      s.noRoleNamed ? t('study:fieldwork.bySetting.noRoleNamed') : s.rate,
    ]),
  }))
  const seen = new Set(practices.map((p) => p.id))
  return {
    title: t('study:fieldwork.title', { wave: wave.title }),
    wide: true,
    backHref: wholeProgramme ? `${wavesPath(programme.slug)}#wave-${wave.slug}` : STAFF_HOME,
    backText: wholeProgramme ? t('study:fieldwork.back') : t('study:fieldwork.backHome'),
    headings: ['invitations', 'used', 'sentInvited', 'rate', 'sentOpen', 'unfinished'].map((k) => t(`study:fieldwork.${k}` as 'study:fieldwork.invitations')),
    rows,
    total: wholeProgramme ? cells(sum(counts.filter((c) => seen.has(c.practiceId))), t, format) : undefined,
    bySetting: {
      names: SETTINGS.map((s) => settingLabel(s, t)),
      rows: settingRows,
      note: `${withheldGroupNote(programme.minBreakdownN, t)} ${t('study:fieldwork.bySetting.noTotals')} ${t('study:fieldwork.bySetting.noRoleNote')}`,
    },
    days: wholeProgramme ? byDay.map((d) => ({ day: format.date(d.day), n: format.number(d.n) })) : undefined,
    dayChart: wholeProgramme && byDay.length ? dayChart(byDay, t, format) : undefined,
    // The reports' table styles (captions, figures) on every fieldwork page; the chart's scripts only with a chart.
    stylesheets: REPORT_ASSETS.stylesheets,
    ...(wholeProgramme && byDay.length ? { scripts: REPORT_ASSETS.scripts } : {}),
  }
}
