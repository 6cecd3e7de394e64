// The exclusions page (bursts to check, the form, the exclusions made) and the page that confirms one before it is made.
import type { Practice } from '../../domain/practice.js'
import type { Programme } from '../../domain/programme.js'
import type { ExclusionPreview, ResponseExclusion } from '../../domain/response-exclusion.js'
import type { Wave } from '../../domain/wave.js'
import type { ExclusionChoices, WaveBurst } from '../../services/exclusion-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formatCount } from '../reports/display-numbers.js'
import { formErrors } from '../form-errors.js'
import { exclusionsPath, restoreExclusionPath, withQuery } from '../paths.js'
import { ukDateTimeFieldValue, ukDateTimeText } from '../uk-time.js'
import { ALL_PRACTICES, EXCLUSION_FIELDS, MAX_REASON_LENGTH, type ExclusionValues } from './exclusion-form.js'

const MINUTE = 60_000
const responsesText = (n: number) => `${formatCount(n)} ${n === 1 ? 'response' : 'responses'}`
const practiceText = (practices: readonly Practice[], code: string | null) => {
  const practice = practices.find((p) => p.code === code)
  return practice ? `${practice.name} (${practice.code})` : 'All practices'
}
const sourceText = (openLinkOnly: boolean) => (openLinkOnly ? 'Started through the open link' : 'Started through the open link or an invitation')
const windowText = (from: string, to: string) => `From ${ukDateTimeText(from)} to ${ukDateTimeText(to)}`

/** The form's starting values: the latest wave, every practice, open-link starts. */
function startingValues(waves: readonly Wave[], given: Partial<ExclusionValues>): ExclusionValues {
  const blank = Object.fromEntries(EXCLUSION_FIELDS.map((f) => [f, ''])) as ExclusionValues
  return { ...blank, wave: waves.at(-1)?.slug ?? '', practice: ALL_PRACTICES, source: 'open-link', ...given }
}

/** A burst as the form would cover it: from its first start's minute to the minute after its last. */
function burstRow(programme: Programme, practices: readonly Practice[], burst: WaveBurst) {
  const from = new Date(Math.floor(Date.parse(burst.from) / MINUTE) * MINUTE).toISOString()
  const to = new Date((Math.floor(Date.parse(burst.to) / MINUTE) + 1) * MINUTE).toISOString()
  const query = { wave: burst.wave.slug, practice: burst.practiceCode, from: ukDateTimeFieldValue(from), to: ukDateTimeFieldValue(to), source: 'open-link' }
  return {
    wave: burst.wave.title,
    practice: practiceText(practices, burst.practiceCode),
    window: `${ukDateTimeText(burst.from)} to ${ukDateTimeText(burst.to)}`,
    starts: formatCount(burst.starts),
    href: `${withQuery(exclusionsPath(programme.slug), query)}#set-aside`,
  }
}

function exclusionRow(programme: Programme, practices: readonly Practice[], e: ResponseExclusion) {
  return {
    id: e.id,
    heading: `${e.waveTitle}: ${practiceText(practices, e.practiceCode)}`,
    rows: [
      { key: 'Started', value: [windowText(e.startedFrom, e.startedTo), sourceText(e.openLinkOnly)] },
      { key: 'Set aside', value: [responsesText(e.responses)] },
      { key: 'Reason', value: [e.reason] },
      { key: 'By', value: [`${e.excludedBy ?? 'Unknown'}, ${ukDateTimeText(e.excludedAt)}`] },
      ...(e.restoredAt ? [{ key: 'Restored', value: [`${e.restoredBy ?? 'Unknown'}, ${ukDateTimeText(e.restoredAt)}`] }] : []),
    ],
    inForce: !e.restoredAt,
    restoreAction: restoreExclusionPath(programme.slug, e.id),
  }
}

export function exclusionsPageModel(
  programme: Programme,
  { waves, practices }: ExclusionChoices,
  exclusions: readonly ResponseExclusion[],
  bursts: readonly WaveBurst[],
  form: { values?: Partial<ExclusionValues>; issues?: readonly FieldIssue[] } = {},
) {
  const values = startingValues(waves, form.values ?? {})
  return {
    title: `Set responses aside: ${programme.name}`,
    action: exclusionsPath(programme.slug),
    hasWaves: waves.length > 0,
    values,
    maxReasonLength: MAX_REASON_LENGTH,
    waveItems: waves.map((w) => ({ value: w.slug, text: w.title, selected: w.slug === values.wave })),
    practiceItems: [{ code: ALL_PRACTICES, name: 'All practices' }, ...practices].map((p) => ({
      value: p.code,
      text: p.code === ALL_PRACTICES ? p.name : `${p.name} (${p.code})`,
      selected: p.code === values.practice,
    })),
    sourceItems: [
      { value: 'open-link', text: 'Only responses started through the open link', checked: values.source === 'open-link' },
      { value: 'any', text: 'Responses started through the open link or a personal invitation', checked: values.source === 'any' },
    ],
    bursts: bursts.map((b) => burstRow(programme, practices, b)),
    exclusions: exclusions.map((e) => exclusionRow(programme, practices, e)),
    ...formErrors(form.issues ?? [], { order: EXCLUSION_FIELDS }),
  }
}

export function exclusionPreviewPageModel(programme: Programme, { waves, practices }: ExclusionChoices, values: ExclusionValues, preview: ExclusionPreview) {
  const wave = waves.find((w) => w.slug === values.wave)!
  const unfinished = preview.responses - preview.submitted
  return {
    title: `Set aside ${responsesText(preview.responses)}?`,
    caption: programme.name,
    action: exclusionsPath(programme.slug),
    values,
    rows: [
      { key: 'Wave', value: [wave.title] },
      { key: 'Practice', value: [practiceText(practices, values.practice)] },
      {
        key: 'Started',
        value: [`From ${values.from.replace('T', ' ')} to ${values.to.replace('T', ' ')} (UK time)`, sourceText(values.source === 'open-link')],
      },
      { key: 'Responses', value: [`${formatCount(preview.submitted)} sent`, `${formatCount(unfinished)} not sent`] },
      { key: 'Reason', value: [values.reason.trim()] },
    ],
    changeHref: `${withQuery(exclusionsPath(programme.slug), values)}#set-aside`,
    confirmText: `Set aside ${responsesText(preview.responses)}`,
  }
}
