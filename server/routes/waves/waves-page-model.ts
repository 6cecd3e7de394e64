// The waves page, the form that adds or changes a wave, and the pages that confirm opening or closing one.
import type { Programme } from '../../domain/programme.js'
import { dayText, type Wave, type WaveStatus } from '../../domain/wave.js'
import { fillIntervention } from '../../questionnaires/questionnaire-model.js'
import type { QuestionnaireCatalogue } from '../../services/questionnaire-catalogue.js'
import { openRefusal, type WaveReach, type WaveSummary } from '../../services/wave-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { editWavePath, newWavePath, wavesPath, waveStatusPath } from '../paths.js'
import { formatCount } from '../reports/display-numbers.js'
import { questionnaireField, WAVE_FORM_FIELDS, type WaveFormValues } from './wave-form.js'

const STATUS: Record<WaveStatus, { text: string; colour: string }> = {
  draft: { text: 'Draft', colour: 'grey' },
  open: { text: 'Open', colour: 'green' },
  closed: { text: 'Closed', colour: 'blue' },
}
const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth']
const dateOrNot = (d: string | null) => (d ? dayText(d) : 'Not set')
const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`
/** "How social prescribing fits into your work (normalisation)": the title respondents see, and the id the CLI takes. */
const titleOf = (programme: Programme, catalogue: QuestionnaireCatalogue, id: string) => {
  const questionnaire = catalogue.find(id)
  return questionnaire ? `${fillIntervention(questionnaire.title, programme.intervention)} (${id})` : id
}

function waveRow(programme: Programme, catalogue: QuestionnaireCatalogue, { wave, activity }: WaveSummary, today: string) {
  const change = wave.status === 'open' ? 'close' : 'open'
  const archived = Boolean(programme.archivedAt)
  // A wave past its closing date cannot be opened, so the page says why instead of offering a button that refuses.
  const openRefused = change === 'open' && openRefusal(wave, today) !== undefined
  return {
    title: wave.title,
    slug: wave.slug,
    status: STATUS[wave.status],
    rows: [
      { key: 'Opens', value: [dateOrNot(wave.opensOn)] },
      { key: 'Closes', value: [dateOrNot(wave.closesOn)] },
      { key: 'Questionnaires', value: wave.questionnaireIds.map((id, i) => `${i + 1}. ${titleOf(programme, catalogue, id)}`) },
      { key: 'Responses sent', value: [formatCount(activity.submitted)] },
      { key: 'Invitations', value: [formatCount(activity.invitations)] },
    ],
    editHref: archived ? undefined : editWavePath(programme.slug, wave.slug),
    statusHref: archived || openRefused ? undefined : waveStatusPath(programme.slug, wave.slug, change),
    statusText: change === 'open' ? 'Open this wave' : 'Close this wave',
    openRefusedText: !archived && openRefused ? 'Its closing date has passed: change the dates to open it again.' : undefined,
  }
}

/** An archived programme's waves are listed without ways to change them. */
export function wavesPageModel(programme: Programme, catalogue: QuestionnaireCatalogue, waves: readonly WaveSummary[], today: string) {
  const last = waves.at(-1)?.wave
  const archived = Boolean(programme.archivedAt)
  return {
    title: `Waves: ${programme.name}`,
    archived,
    waves: waves.map((w) => waveRow(programme, catalogue, w, today)),
    newHref: archived ? undefined : newWavePath(programme.slug),
    copy: last && !archived ? { href: newWavePath(programme.slug, last.slug), text: `Copy the last wave (${last.title})` } : undefined,
  }
}

export interface WaveFormPage {
  programme: Programme
  /** The wave being changed; none for a new one. */
  wave?: Wave
  values: WaveFormValues
  issues?: readonly FieldIssue[]
  /** Why the questionnaires cannot change, when they cannot. */
  questionnairesLocked?: string
}

export const blankWaveValues = (questionnaires: readonly string[], slots: number): WaveFormValues => ({
  slug: '',
  title: '',
  opensOn: '',
  closesOn: '',
  questionnaires: Array.from({ length: slots }, (_, i) => questionnaires[i] ?? ''),
})

export function waveFormPageModel(catalogue: QuestionnaireCatalogue, page: WaveFormPage) {
  const { programme, wave, values } = page
  const choices = catalogue.list()
  return {
    title: wave ? `Change ${wave.title}` : 'Add a wave',
    caption: programme.name,
    action: wave ? editWavePath(programme.slug, wave.slug) : wavesPath(programme.slug),
    backHref: wavesPath(programme.slug),
    isNew: !wave,
    values,
    questionnairesLocked: page.questionnairesLocked,
    lockedQuestionnaires: wave?.questionnaireIds.map((id, i) => `${i + 1}. ${titleOf(programme, catalogue, id)}`) ?? [],
    questionnaireSelects: values.questionnaires.map((chosen, i) => ({
      id: questionnaireField(i + 1),
      label: `${ORDINALS[i] ?? `Number ${i + 1}`} questionnaire`,
      items: [{ value: '', text: i === 0 ? 'Choose a questionnaire' : 'None', selected: chosen === '' }].concat(
        choices.map((q) => ({ value: q.id, text: titleOf(programme, catalogue, q.id), selected: q.id === chosen })),
      ),
    })),
    submitText: wave ? 'Save changes' : 'Add wave',
    ...formErrors(page.issues ?? [], { order: WAVE_FORM_FIELDS, idOf: (field) => (field === 'questionnaires' ? questionnaireField(1) : field) }),
  }
}

/** What opening or closing the wave does, in words, and the button that does it, or why it cannot be done. */
export function waveStatusPageModel(programme: Programme, wave: Wave, change: 'open' | 'close', reach: WaveReach, refusal?: string) {
  const who = `${plural(reach.practices, 'practice', 'practices')}, ${plural(reach.invitations, 'invitation', 'invitations')}`
  const from = wave.opensOn ? ` from ${dayText(wave.opensOn)}` : ''
  const until = wave.closesOn ? `until the end of ${dayText(wave.closesOn)}` : 'until you close it'
  const consequence =
    change === 'open'
      ? `${who}; respondents with the open link or an invitation can start and send answers${from} ${until}.`
      : `${who}; nobody can start a survey or send answers until the wave is opened again. Answers already sent are kept.`
  return {
    title: change === 'open' ? `Open ${wave.title}?` : `Close ${wave.title}?`,
    caption: programme.name,
    consequence,
    refusal,
    action: waveStatusPath(programme.slug, wave.slug, change),
    confirmText: change === 'open' ? 'Open the wave' : 'Close the wave',
    backHref: wavesPath(programme.slug),
  }
}
