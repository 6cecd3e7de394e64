// The programmes list, and the form that adds a programme or changes one's details.
import type { Programme } from '../../domain/programme.js'
import { MAX_STUDY_INFORMATION, PROGRAMME_FIELDS } from '../../services/programme-service.js'
import type { FieldIssue } from '../../validation/field-issues.js'
import { formErrors } from '../form-errors.js'
import { editProgrammePath, NEW_PROGRAMME_PATH, PROGRAMMES_PATH } from '../paths.js'

export type ProgrammeValues = Record<(typeof PROGRAMME_FIELDS)[number], string>

export function programmesPageModel(programmes: readonly Programme[]) {
  return {
    title: 'Programmes',
    newHref: NEW_PROGRAMME_PATH,
    programmes: programmes.map((p) => ({
      name: p.name,
      demo: p.isDemo,
      slug: p.slug,
      organisation: p.organisation ?? 'No organisation given',
      editHref: editProgrammePath(p.slug),
    })),
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
