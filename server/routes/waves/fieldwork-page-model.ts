// A wave's fieldwork page: invitations and responses by practice with their response rate, and responses by day.
import { NO_FIELDWORK, responseRate, type DayCount, type PracticeFieldwork } from '../../domain/fieldwork.js'
import type { Practice } from '../../domain/practice.js'
import type { Programme } from '../../domain/programme.js'
import type { Wave } from '../../domain/wave.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import { wavesPath } from '../paths.js'

export const fieldworkPath = (programme: string, wave: string) => `${wavesPath(programme)}/${wave}/fieldwork`

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

/** Every practice of the programme, by code, those with nothing yet included, and the programme's totals. */
export function fieldworkPageModel(
  programme: Programme,
  wave: Wave,
  practices: readonly Practice[],
  counts: readonly PracticeFieldwork[],
  byDay: readonly DayCount[],
  { t, format }: { t: Translate; format: Formats },
) {
  const byPractice = new Map(counts.map((c) => [c.practiceId, c]))
  const rows = practices.map((p) => ({ practice: p.name, code: p.code, cells: cells(byPractice.get(p.id) ?? NO_FIELDWORK, t, format) }))
  return {
    title: t('study:fieldwork.title', { wave: wave.title }),
    backHref: `${wavesPath(programme.slug)}#wave-${wave.slug}`,
    headings: ['invitations', 'used', 'sentInvited', 'rate', 'sentOpen', 'unfinished'].map((k) => t(`study:fieldwork.${k}` as 'study:fieldwork.invitations')),
    rows,
    total: cells(sum(counts), t, format),
    days: byDay.map((d) => ({ day: format.date(d.day), n: format.number(d.n) })),
  }
}
