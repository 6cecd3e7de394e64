// The exclusions page (bursts to check, the form, the exclusions made) and the page that confirms one before it is made.
import type { Practice } from '../../domain/practice.js'
import type { Programme } from '../../domain/programme.js'
import type { ExclusionPreview, ResponseExclusion } from '../../domain/response-exclusion.js'
import type { Wave } from '../../domain/wave.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import type { ExclusionChoices, WaveBurst } from '../../services/exclusion-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { exclusionsPath, restoreExclusionPath, withQuery } from '../paths.js'
import { ukDateTimeFieldValue } from '../uk-time.js'
import { ALL_PRACTICES, EXCLUSION_FIELDS, MAX_REASON_LENGTH, type ExclusionValues } from './exclusion-form.js'

/** The page's messages and its formats (dates and times in UK time, in the page's language). */
export interface ExclusionPageWords {
  t: Translate
  format: Formats
}

const MINUTE = 60_000
const practiceText = (t: Translate, practices: readonly Practice[], code: string | null) => {
  const practice = practices.find((p) => p.code === code)
  return practice ? `${practice.name} (${practice.code})` : t('study:exclusions.form.allPractices')
}
const sourceText = (t: Translate, openLinkOnly: boolean) => (openLinkOnly ? t('study:exclusions.source.openLink') : t('study:exclusions.source.any'))
const byText = ({ t, format }: ExclusionPageWords, who: string | null, at: string) =>
  t('study:exclusions.made.byAt', { who: who ?? t('study:exclusions.made.unknown'), at: format.dateTime(at) })

/** The form's starting values: the latest wave, every practice, open-link starts. */
function startingValues(waves: readonly Wave[], given: Partial<ExclusionValues>): ExclusionValues {
  const blank = Object.fromEntries(EXCLUSION_FIELDS.map((f) => [f, ''])) as ExclusionValues
  return { ...blank, wave: waves.at(-1)?.slug ?? '', practice: ALL_PRACTICES, source: 'open-link', ...given }
}

/** A burst as the form would cover it: from its first start's minute to the minute after its last. */
function burstRow(programme: Programme, practices: readonly Practice[], burst: WaveBurst, { t, format }: ExclusionPageWords) {
  const from = new Date(Math.floor(Date.parse(burst.from) / MINUTE) * MINUTE).toISOString()
  const to = new Date((Math.floor(Date.parse(burst.to) / MINUTE) + 1) * MINUTE).toISOString()
  const query = { wave: burst.wave.slug, practice: burst.practiceCode, from: ukDateTimeFieldValue(from), to: ukDateTimeFieldValue(to), source: 'open-link' }
  const window = t('study:exclusions.bursts.window', { from: format.dateTime(burst.from), to: format.dateTime(burst.to) })
  return {
    wave: burst.wave.title,
    practice: practiceText(t, practices, burst.practiceCode),
    window,
    starts: t('study:exclusions.bursts.starts', { count: burst.starts, window }),
    href: `${withQuery(exclusionsPath(programme.slug), query)}#set-aside`,
  }
}

function exclusionRow(programme: Programme, practices: readonly Practice[], e: ResponseExclusion, words: ExclusionPageWords) {
  const { t, format } = words
  return {
    id: e.id,
    heading: `${e.waveTitle}: ${practiceText(t, practices, e.practiceCode)}`,
    rows: [
      {
        key: t('study:exclusions.made.started'),
        value: [t('study:exclusions.made.window', { from: format.dateTime(e.startedFrom), to: format.dateTime(e.startedTo) }), sourceText(t, e.openLinkOnly)],
      },
      { key: t('study:exclusions.made.setAside'), value: [t('study:exclusions.responses', { count: e.responses })] },
      { key: t('study:exclusions.made.reason'), value: [e.reason] },
      { key: t('study:exclusions.made.by'), value: [byText(words, e.excludedBy, e.excludedAt)] },
      ...(e.restoredAt ? [{ key: t('study:exclusions.made.restored'), value: [byText(words, e.restoredBy, e.restoredAt)] }] : []),
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
  words: ExclusionPageWords,
  form: { values?: Partial<ExclusionValues>; issues?: readonly FieldIssue[] } = {},
) {
  const { t } = words
  const values = startingValues(waves, form.values ?? {})
  return {
    title: t('study:exclusions.title', { programme: programme.name }),
    action: exclusionsPath(programme.slug),
    hasWaves: waves.length > 0,
    values,
    maxReasonLength: MAX_REASON_LENGTH,
    waveItems: waves.map((w) => ({ value: w.slug, text: w.title, selected: w.slug === values.wave })),
    practiceItems: [{ code: ALL_PRACTICES, name: t('study:exclusions.form.allPractices') }, ...practices].map((p) => ({
      value: p.code,
      text: p.code === ALL_PRACTICES ? p.name : `${p.name} (${p.code})`,
      selected: p.code === values.practice,
    })),
    sourceItems: [
      { value: 'open-link', text: t('study:exclusions.form.source.openLink'), checked: values.source === 'open-link' },
      { value: 'any', text: t('study:exclusions.form.source.any'), checked: values.source === 'any' },
    ],
    bursts: bursts.map((b) => burstRow(programme, practices, b, words)),
    exclusions: exclusions.map((e) => exclusionRow(programme, practices, e, words)),
    ...formErrors(form.issues ?? [], { order: EXCLUSION_FIELDS, t }),
  }
}

export function exclusionPreviewPageModel(
  programme: Programme,
  { waves, practices }: ExclusionChoices,
  values: ExclusionValues,
  preview: ExclusionPreview,
  { t }: ExclusionPageWords,
) {
  const wave = waves.find((w) => w.slug === values.wave)!
  const unfinished = preview.responses - preview.submitted
  return {
    title: t('study:exclusions.preview.title', { count: preview.responses }),
    caption: programme.name,
    action: exclusionsPath(programme.slug),
    values,
    rows: [
      { key: t('study:exclusions.preview.wave'), value: [wave.title] },
      { key: t('study:exclusions.preview.practice'), value: [practiceText(t, practices, values.practice)] },
      {
        key: t('study:exclusions.preview.started'),
        value: [
          t('study:exclusions.preview.window', { from: values.from.replace('T', ' '), to: values.to.replace('T', ' ') }),
          sourceText(t, values.source === 'open-link'),
        ],
      },
      {
        key: t('study:exclusions.preview.responses'),
        value: [t('study:exclusions.preview.sent', { count: preview.submitted }), t('study:exclusions.preview.notSent', { count: unfinished })],
      },
      { key: t('study:exclusions.preview.reason'), value: [values.reason.trim()] },
    ],
    changeHref: `${withQuery(exclusionsPath(programme.slug), values)}#set-aside`,
    confirmText: t('study:exclusions.preview.confirm', { count: preview.responses }),
  }
}
