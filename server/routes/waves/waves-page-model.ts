// The waves page, the form that adds or changes a wave, and the pages that confirm opening or closing one.
import { completionTime, MIN_RESPONSES_FOR_MEDIAN, type CompletionTime } from '../../domain/completion-time.js'
import { interventionIn, type Programme } from '../../domain/programme.js'
import type { Wave, WaveStatus } from '../../domain/wave.js'
import type { Formats } from '../../i18n/format.js'
import { say, type Message, type MessageKey, type Translate } from '../../i18n/translate.js'
import { fillIntervention, minutesToComplete } from '../../questionnaires/questionnaire-model.js'
import type { QuestionnaireCatalogue } from '../../services/questionnaire-catalogue.js'
import { openRefusal, type WaveReach, type WaveSummary } from '../../services/wave-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { emailInvitationsPath } from './email-invitations-page-model.js'
import { fieldworkPath } from './fieldwork-page-model.js'
import { lettersPath, postersPath } from './letters-page-model.js'
import { editWavePath, newWavePath, wavesPath, waveStatusPath } from '../paths.js'
import { questionnaireField, WAVE_FORM_FIELDS, type WaveFormValues } from './wave-form.js'

/** What a page of waves needs to word itself: its messages, its formats, and the questionnaires' titles. */
export interface WavePageWords {
  t: Translate
  format: Formats
}

const COLOUR: Record<WaveStatus, string> = { draft: 'grey', open: 'green', closed: 'blue' }
const dateOrNot = ({ t, format }: WavePageWords, d: string | null) => (d ? format.date(d) : t('study:waves.list.notSet'))
/** "How social prescribing fits into your work (normalisation)": the title respondents see (in the page's language when the questionnaire has it), and the id the CLI takes. */
const titleOf = (programme: Programme, catalogue: QuestionnaireCatalogue, id: string, { format }: WavePageWords) => {
  const questionnaire = catalogue.find(id, format.language)
  return questionnaire ? `${fillIntervention(questionnaire.title, interventionIn(programme, format.language))} (${id})` : id
}

/**
 * The time to answer, two ways: the model's estimate (as the start page promises it, for the setting asked most) and the
 * median people really took, or why there is none yet.
 */
function timeToAnswer(catalogue: QuestionnaireCatalogue, wave: Wave, measured: CompletionTime, { t, format }: WavePageWords): string[] {
  const questionnaires = wave.questionnaireIds.flatMap((id) => catalogue.find(id) ?? [])
  const estimate = t('study:waves.list.time.estimate', { count: minutesToComplete(questionnaires) })
  if (measured.kind === 'too few') return [estimate, t('study:waves.list.time.tooFew', { count: measured.responses, minimum: MIN_RESPONSES_FOR_MEDIAN })]
  return [estimate, t('study:waves.list.time.measured', { minutes: format.number(measured.medianMinutes, 1), count: measured.responses })]
}

function waveRow(
  programme: Programme,
  catalogue: QuestionnaireCatalogue,
  { wave, activity }: WaveSummary,
  measured: CompletionTime,
  today: string,
  words: WavePageWords,
) {
  const { t, format } = words
  const change = wave.status === 'open' ? 'close' : 'open'
  const archived = Boolean(programme.archivedAt)
  // A wave past its closing date cannot be opened, so the page says why instead of offering a button that refuses.
  const openRefused = change === 'open' && openRefusal(wave, today) !== undefined
  return {
    title: wave.title,
    slug: wave.slug,
    status: { text: t(`study:waves.list.status.${wave.status}`), colour: COLOUR[wave.status] },
    rows: [
      { key: t('study:waves.list.opens'), value: [dateOrNot(words, wave.opensOn)] },
      { key: t('study:waves.list.closes'), value: [dateOrNot(words, wave.closesOn)] },
      { key: t('study:waves.list.questionnaires'), value: wave.questionnaireIds.map((id, i) => `${i + 1}. ${titleOf(programme, catalogue, id, words)}`) },
      { key: t('study:waves.list.sent'), value: [format.number(activity.submitted)] },
      { key: t('study:waves.list.invitations'), value: [format.number(activity.invitations)] },
      { key: t('study:waves.list.time.key'), value: timeToAnswer(catalogue, wave, measured, words) },
    ],
    fieldworkHref: fieldworkPath(programme.slug, wave.slug),
    makeInvitationsHref: archived ? undefined : `${wavesPath(programme.slug)}/${wave.slug}/invitations/new`,
    emailInvitationsHref: archived ? undefined : emailInvitationsPath(programme.slug, wave.slug),
    invitationsHref: activity.invitations > 0 ? `${wavesPath(programme.slug)}/${wave.slug}/invitations.csv` : undefined,
    lettersHref: activity.invitations > 0 ? lettersPath(programme.slug, wave.slug) : undefined,
    postersHref: postersPath(programme.slug, wave.slug),
    editHref: archived ? undefined : editWavePath(programme.slug, wave.slug),
    statusHref: archived || openRefused ? undefined : waveStatusPath(programme.slug, wave.slug, change),
    statusText: change === 'open' ? t('study:waves.list.open') : t('study:waves.list.close'),
    openRefusedText: !archived && openRefused ? t('study:waves.list.openRefused') : undefined,
  }
}

/** An archived programme's waves are listed without ways to change them. */
export function wavesPageModel(
  programme: Programme,
  catalogue: QuestionnaireCatalogue,
  waves: readonly WaveSummary[],
  times: ReadonlyMap<number, CompletionTime>,
  today: string,
  words: WavePageWords,
) {
  const { t } = words
  const last = waves.at(-1)?.wave
  const archived = Boolean(programme.archivedAt)
  return {
    title: t('study:waves.list.title', { programme: programme.name }),
    archived,
    waves: waves.map((w) => waveRow(programme, catalogue, w, times.get(w.wave.id) ?? completionTime([]), today, words)),
    newHref: archived ? undefined : newWavePath(programme.slug),
    copy: last && !archived ? { href: newWavePath(programme.slug, last.slug), text: t('study:waves.list.copy', { title: last.title }) } : undefined,
  }
}

export interface WaveFormPage {
  programme: Programme
  /** The wave being changed; none for a new one. */
  wave?: Wave
  values: WaveFormValues
  issues?: readonly FieldIssue[]
  /** Why the questionnaires cannot change, when they cannot. */
  questionnairesLocked?: Message
}

export const blankWaveValues = (questionnaires: readonly string[], slots: number): WaveFormValues => ({
  slug: '',
  title: '',
  opensOn: '',
  closesOn: '',
  questionnaires: Array.from({ length: slots }, (_, i) => questionnaires[i] ?? ''),
})

const ordinal = (t: Translate, n: number) => (n <= 10 ? say(t, { key: `study:waves.form.ordinal.${n}` as MessageKey }) : t('study:waves.form.numbered', { n }))

export function waveFormPageModel(catalogue: QuestionnaireCatalogue, page: WaveFormPage, words: WavePageWords) {
  const { t } = words
  const { programme, wave, values } = page
  const choices = catalogue.list()
  return {
    title: wave ? t('study:waves.form.titleEdit', { title: wave.title }) : t('study:waves.form.titleNew'),
    caption: programme.name,
    action: wave ? editWavePath(programme.slug, wave.slug) : wavesPath(programme.slug),
    backHref: wavesPath(programme.slug),
    isNew: !wave,
    values,
    questionnairesLocked: page.questionnairesLocked && say(t, page.questionnairesLocked),
    lockedQuestionnaires: wave?.questionnaireIds.map((id, i) => `${i + 1}. ${titleOf(programme, catalogue, id, words)}`) ?? [],
    questionnaireSelects: values.questionnaires.map((chosen, i) => ({
      id: questionnaireField(i + 1),
      label: ordinal(t, i + 1),
      items: [{ value: '', text: i === 0 ? t('study:waves.form.choose') : t('study:waves.form.none'), selected: chosen === '' }].concat(
        choices.map((q) => ({ value: q.id, text: titleOf(programme, catalogue, q.id, words), selected: q.id === chosen })),
      ),
    })),
    submitText: wave ? t('study:waves.form.save') : t('study:waves.form.add'),
    ...formErrors(page.issues ?? [], { t, order: WAVE_FORM_FIELDS, idOf: (field) => (field === 'questionnaires' ? questionnaireField(1) : field) }),
  }
}

/** What opening or closing the wave does, in words, and the button that does it, or why it cannot be done. */
export function waveStatusPageModel(
  programme: Programme,
  wave: Wave,
  change: 'open' | 'close',
  reach: WaveReach,
  { t, format }: WavePageWords,
  refusal?: Message | string,
) {
  const values = {
    practices: t('study:waves.status.practices', { count: reach.practices }),
    invitations: t('study:waves.status.invitations', { count: reach.invitations }),
    opens: wave.opensOn ? format.date(wave.opensOn) : '',
    closes: wave.closesOn ? format.date(wave.closesOn) : '',
  }
  const opening = wave.opensOn ? (wave.closesOn ? 'openFromUntil' : 'openFrom') : wave.closesOn ? 'openUntil' : 'openAny'
  return {
    title: change === 'open' ? t('study:waves.status.titleOpen', { title: wave.title }) : t('study:waves.status.titleClose', { title: wave.title }),
    caption: programme.name,
    consequence: change === 'open' ? t(`study:waves.status.${opening}`, values) : t('study:waves.status.close', values),
    refusal: typeof refusal === 'string' ? refusal : refusal && say(t, refusal),
    action: waveStatusPath(programme.slug, wave.slug, change),
    confirmText: change === 'open' ? t('study:waves.status.openButton') : t('study:waves.status.closeButton'),
    backHref: wavesPath(programme.slug),
  }
}
