// The programmes list, and the form that adds a programme or changes one's details.
import { defaultLanguage, type Programme } from '../../domain/programme.js'
import type { Formats } from '../../i18n/format.js'
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages.js'
import { say, type Message, type Translate } from '../../i18n/translate.js'
import { interventionField, MAX_STUDY_INFORMATION, PROGRAMME_FIELDS } from '../../services/programme-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import {
  archiveProgrammePath,
  comparePath,
  compareWavesPath,
  editProgrammePath,
  exportsPath,
  NEW_PROGRAMME_PATH,
  PROGRAMMES_PATH,
  restoreProgrammePath,
  wavesPath,
} from '../paths.js'

/** The form's values as strings, the offered languages as a list of tags. */
export type ProgrammeValues = Record<Exclude<(typeof PROGRAMME_FIELDS)[number], 'languages'>, string> & { languages: string[] }

const listed = (p: Programme, t: Translate, format: Formats) => ({
  name: p.name,
  demo: p.isDemo,
  slug: p.slug,
  organisation: p.organisation ?? t('programmes:list.noOrganisation'),
  languages: format.list(p.languages.map((l) => LANGUAGE_NAMES[l])),
  editHref: editProgrammePath(p.slug),
  wavesHref: wavesPath(p.slug),
  archiveHref: archiveProgrammePath(p.slug),
  compareHref: comparePath(p.slug),
  compareWavesHref: compareWavesPath(p.slug),
  exportsHref: exportsPath(p.slug),
  restoreAction: restoreProgrammePath(p.slug),
  archivedOn: p.archivedAt ? format.date(p.archivedAt.slice(0, 10)) : '',
})

/** Programmes in use first; archived ones below, read-only, each with a way back into use. */
export function programmesPageModel(programmes: readonly Programme[], t: Translate, format: Formats) {
  return {
    title: t('programmes:list.title'),
    newHref: NEW_PROGRAMME_PATH,
    programmes: programmes.filter((p) => !p.archivedAt).map((p) => listed(p, t, format)),
    archived: programmes.filter((p) => p.archivedAt).map((p) => listed(p, t, format)),
  }
}

/** Asks to confirm archiving, states what it does, or says why it cannot be done yet. */
export function archivePageModel(programme: Programme, refusal: Message | undefined, t: Translate, issues: readonly FieldIssue[] = []) {
  return {
    title: t('programmes:archive.title', { name: programme.name }),
    backHref: PROGRAMMES_PATH,
    action: archiveProgrammePath(programme.slug),
    wavesHref: wavesPath(programme.slug),
    refusal: refusal && say(t, refusal),
    demo: programme.isDemo,
    slug: programme.slug,
    values: { confirmSlug: '' },
    ...formErrors(issues, { order: ['confirmSlug'], t }),
  }
}

/** The form's values: as typed when it comes back with errors, else the programme's, else the defaults. */
export function programmeValues(source: Programme | Record<string, unknown> | undefined): ProgrammeValues {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v))
  const texts = (from: Record<string, unknown>) => Object.fromEntries(PROGRAMME_FIELDS.map((f) => [f, text(from[f])])) as unknown as ProgrammeValues
  if (source && 'languages' in source && Array.isArray(source.languages) && 'interventionNames' in source) {
    const programme = source as Programme
    return {
      ...texts(programme as unknown as Record<string, unknown>),
      languages: [...programme.languages],
      defaultLanguage: defaultLanguage(programme),
      ...Object.fromEntries(LANGUAGES.map((l) => [interventionField(l), programme.interventionNames[l] ?? ''])),
    }
  }
  const s = (source ?? { intervention: 'social prescribing', minPracticeN: 3, minBreakdownN: 5, languages: 'en-GB', defaultLanguage: 'en-GB' }) as Record<
    string,
    unknown
  >
  const languages = Array.isArray(s.languages) ? s.languages.map(String) : text(s.languages).split(/\s+/).filter(Boolean)
  return { ...texts(s), languages }
}

export function programmeFormPageModel(programme: Programme | undefined, values: ProgrammeValues, t: Translate, issues: readonly FieldIssue[] = []) {
  return {
    title: programme ? t('programmes:form.titleEdit', { name: programme.name }) : t('programmes:form.titleNew'),
    isNew: !programme,
    action: programme ? editProgrammePath(programme.slug) : PROGRAMMES_PATH,
    backHref: PROGRAMMES_PATH,
    values,
    languageItems: LANGUAGES.map((language) => ({
      value: language,
      text: LANGUAGE_NAMES[language],
      lang: language,
      checked: values.languages.includes(language),
    })),
    defaultLanguageItems: LANGUAGES.map((language) => ({
      value: language,
      text: LANGUAGE_NAMES[language],
      lang: language,
      checked: values.defaultLanguage === language,
    })),
    // The intervention field above is in the default language; each other language has a field of its own.
    interventionNames: LANGUAGES.filter((language) => language !== (values.defaultLanguage || values.languages[0] || 'en-GB')).map((language) => ({
      id: interventionField(language),
      label: t('programmes:form.intervention.labelIn', { language: LANGUAGE_NAMES[language] }),
      hint: t('programmes:form.intervention.hintIn', { language: LANGUAGE_NAMES[language] }),
      value: (values as Record<string, unknown>)[interventionField(language)] ?? '',
    })),
    maxStudyInformation: MAX_STUDY_INFORMATION,
    buttonText: programme ? t('programmes:form.saveChanges') : t('programmes:form.addProgramme'),
    ...formErrors(issues, { order: PROGRAMME_FIELDS, t }),
  }
}
