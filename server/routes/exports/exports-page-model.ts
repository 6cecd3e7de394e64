// The exports page: the choices form, and a link to each download with what it holds.
import type { Programme } from '../../domain/programme.js'
import type { Wave } from '../../domain/wave.js'
import { exportFileName, type ExportKind } from '../../exports/export-kinds.js'
import type { Weighting } from '../../services/scoring-service.js'
import { formErrors, NO_FORM_ERRORS } from '../form-errors.js'
import { EXPORT_FIELDS, type InvalidExportChoices } from './export-query.js'
import { downloadPath, exportsPath, rScriptPath } from '../paths.js'

export interface PageChoices {
  wave?: Wave
  from?: Wave
  weighting: Weighting
  includePartial: boolean
}

/** With nothing chosen: the latest wave, compared with the one before it. */
export function defaultChoices(waves: readonly Wave[], chosen: Partial<PageChoices> = {}): PageChoices {
  const wave = chosen.wave ?? waves.at(-1)
  const at = waves.findIndex((w) => w.id === wave?.id)
  const from = chosen.from ?? waves[at - 1]
  return { wave, from, weighting: chosen.weighting ?? 'respondents', includePartial: chosen.includePartial ?? false }
}

interface Download {
  title: string
  href: string
  fileName: string
  description: string
}

function downloads(programme: Programme, { wave, from, weighting, includePartial }: PageChoices): Download[] {
  const slug = programme.slug
  const weight = weighting === 'settings' ? 'settings' : undefined
  const partial = includePartial ? 'yes' : undefined
  const partialNote = includePartial ? 'Unfinished responses are included.' : 'Submitted responses only.'
  const weightNote = weighting === 'settings' ? 'Practice means weight each setting group equally.' : 'Practice means are means of respondents.'
  const csv = (kind: ExportKind, title: string, query: Record<string, string | undefined>, description: string): Download => ({
    title,
    href: downloadPath(slug, kind, query),
    fileName: exportFileName(slug, kind, { wave: query.wave ?? query.to, from: query.from }),
    description,
  })
  const forWave = wave
    ? [
        csv(
          'answers',
          `Answers, long format: ${wave.title}`,
          { wave: wave.slug, 'include-partial': partial },
          `One row per answer: response, practice, questionnaire and version, role, setting, item and the stored code (1–5, 0–10, an option code, a "not relevant" code or free text). A multiple-choice item has a row for each option chosen. ${partialNote}`,
        ),
        csv(
          'responses',
          `Responses, wide format: ${wave.title}`,
          { wave: wave.slug, 'include-partial': partial },
          `One row per response and one column per item, in questionnaire order. A multiple-choice item has a 0/1 column for each option (item__option); an unanswered item is empty; "not relevant" answers keep their code. ${partialNote}`,
        ),
        csv(
          'scores',
          `Practice scores: ${wave.title}`,
          { wave: wave.slug, weighting: weight },
          `One row per practice and scale: n, mean (1–5), score (0–100), SD, 95% confidence interval, agreement (rwg), band and rank. A practice with fewer than ${programme.minPracticeN} respondents is withheld. ${weightNote}`,
        ),
        csv(
          'scale-stats',
          `Scale statistics: ${wave.title}`,
          { wave: wave.slug, weighting: weight },
          `One row per scale: ICC(1), ICC(2), Cronbach's alpha and the median, best and worst practice score. ${weightNote}`,
        ),
      ]
    : []
  const change =
    wave && from && from.id !== wave.id
      ? [
          csv(
            'change',
            `Change from ${from.title} to ${wave.title}`,
            { from: from.slug, to: wave.slug, weighting: weight },
            `One row per practice and scale: the means in both waves, the difference and Welch's t-test. ${weightNote}`,
          ),
        ]
      : []
  return [
    ...forWave,
    ...change,
    csv(
      'codebook',
      'Codebook',
      {},
      'One row per item of every questionnaire: its type, wording, scale, the settings that see it, and every code with its label.',
    ),
    {
      title: 'R script to read these files',
      href: rScriptPath(slug, { wave: wave?.slug, from: from?.slug }),
      fileName: exportFileName(slug, 'r-script', {}),
      description:
        'Reads the files above into R with a label for every code (agree scales and options as factors, "not relevant" as NA or as labelled levels) and the map of items to scales. It is written from the current questionnaires each time you download it.',
    },
  ]
}

export function exportsPageModel(programme: Programme, waves: readonly Wave[], form: { choices: PageChoices } | InvalidExportChoices) {
  const { errors, errorSummary } = 'issues' in form ? formErrors(form.issues, { order: EXPORT_FIELDS }) : NO_FORM_ERRORS
  const values =
    'issues' in form
      ? form.values
      : {
          wave: form.choices.wave?.slug,
          from: form.choices.from?.slug,
          weighting: form.choices.weighting,
          'include-partial': form.choices.includePartial ? 'yes' : undefined,
        }
  const waveItems = (field: 'wave' | 'from') => [...waves].reverse().map((w) => ({ value: w.slug, text: w.title, checked: values[field] === w.slug }))
  return {
    title: `Download data: ${programme.name}`,
    demo: programme.isDemo,
    backLink: { href: '/staff', text: 'Your programmes' },
    action: exportsPath(programme.slug),
    hasWaves: waves.length > 0,
    canCompare: waves.length > 1,
    errors,
    errorSummary,
    waveItems: waveItems('wave'),
    fromItems: waveItems('from'),
    weightingItems: [
      { value: 'respondents', text: 'Mean of the respondents', checked: values.weighting !== 'settings' },
      {
        value: 'settings',
        text: 'Mean of the setting groups (general practice, link workers, community), each counting once',
        checked: values.weighting === 'settings',
      },
    ],
    includePartialItems: [
      { value: 'yes', text: 'Include responses not yet submitted (answers and responses files only)', checked: values['include-partial'] === 'yes' },
    ],
    downloads: 'issues' in form ? [] : downloads(programme, form.choices),
    changeNote:
      'choices' in form && waves.length > 1 && (!form.choices.from || form.choices.from.id === form.choices.wave?.id)
        ? 'For the change between two waves, choose a different wave under "Compare with".'
        : undefined,
  }
}
