// The programmes list, and the form that adds a programme or changes one's details.
import type { Programme } from '../../domain/programme.js'
import { MAX_STUDY_INFORMATION, PROGRAMME_FIELDS } from '../../services/programme-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { dayText } from '../../domain/wave.js'
import {
  archiveProgrammePath,
  comparePath,
  editProgrammePath,
  exportsPath,
  NEW_PROGRAMME_PATH,
  PROGRAMMES_PATH,
  restoreProgrammePath,
  wavesPath,
} from '../paths.js'

export type ProgrammeValues = Record<(typeof PROGRAMME_FIELDS)[number], string>

const listed = (p: Programme) => ({
  name: p.name,
  demo: p.isDemo,
  slug: p.slug,
  organisation: p.organisation ?? 'No organisation given',
  editHref: editProgrammePath(p.slug),
  wavesHref: wavesPath(p.slug),
  archiveHref: archiveProgrammePath(p.slug),
  compareHref: comparePath(p.slug),
  exportsHref: exportsPath(p.slug),
  restoreAction: restoreProgrammePath(p.slug),
  archivedOn: p.archivedAt ? dayText(p.archivedAt.slice(0, 10)) : '',
})

/** Programmes in use first; archived ones below, read-only, each with a way back into use. */
export function programmesPageModel(programmes: readonly Programme[]) {
  return {
    title: 'Programmes',
    newHref: NEW_PROGRAMME_PATH,
    programmes: programmes.filter((p) => !p.archivedAt).map(listed),
    archived: programmes.filter((p) => p.archivedAt).map(listed),
  }
}

/** Asks to confirm archiving, states what it does, or says why it cannot be done yet. */
export function archivePageModel(programme: Programme, refusal: string | undefined, issues: readonly FieldIssue[] = []) {
  return {
    title: `Archive ${programme.name}`,
    backHref: PROGRAMMES_PATH,
    action: archiveProgrammePath(programme.slug),
    wavesHref: wavesPath(programme.slug),
    refusal,
    demo: programme.isDemo,
    slug: programme.slug,
    values: { confirmSlug: '' },
    ...formErrors(issues, { order: ['confirmSlug'] }),
  }
}

/** The form's values: as typed when it comes back with errors, else the programme's, else the defaults. */
export function programmeValues(source: Programme | Record<string, unknown> | undefined): ProgrammeValues {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v))
  const s = (source ?? { intervention: 'social prescribing', minPracticeN: 3, minBreakdownN: 5 }) as Record<string, unknown>
  return Object.fromEntries(PROGRAMME_FIELDS.map((f) => [f, text(s[f])])) as ProgrammeValues
}

export function programmeFormPageModel(programme: Programme | undefined, values: ProgrammeValues, issues: readonly FieldIssue[] = []) {
  return {
    title: programme ? `Change ${programme.name}` : 'Add a programme',
    isNew: !programme,
    action: programme ? editProgrammePath(programme.slug) : PROGRAMMES_PATH,
    backHref: PROGRAMMES_PATH,
    values,
    maxStudyInformation: MAX_STUDY_INFORMATION,
    buttonText: programme ? 'Save changes' : 'Add the programme',
    ...formErrors(issues, { order: PROGRAMME_FIELDS }),
  }
}
