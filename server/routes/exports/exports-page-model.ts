// The exports page: the choices form, and a link to each download with what it holds.
import type { Programme } from '../../domain/programme.js'
import type { Wave } from '../../domain/wave.js'
import { SETTINGS, type Setting } from '../../questionnaires/definition-schema.js'
import { ALL_WAVES_FILE_PART, exportFileName, type ExportKind } from '../../exports/export-kinds.js'
import { english, type Translate } from '../../i18n/translate.js'
import type { Weighting } from '../../services/scoring-service.js'
import { formErrors, NO_FORM_ERRORS } from '../form-errors.js'
import { ALL_WAVES, EXPORT_FIELDS, type InvalidExportChoices } from './export-query.js'
import { downloadPath, exportsPath, rScriptPath, syntaxPath } from '../paths.js'

export interface PageChoices {
  wave?: Wave
  from?: Wave
  /** The answers and responses files (and the syntax files) hold every wave; the others are for `wave`, the latest. */
  allWaves: boolean
  weighting: Weighting
  includePartial: boolean
  /** The item statistics' respondents: one setting's, or every setting's when not set. */
  setting?: Setting
}

/** With nothing chosen: the latest wave, compared with the one before it. */
export function defaultChoices(waves: readonly Wave[], chosen: Partial<PageChoices> = {}): PageChoices {
  const wave = chosen.wave ?? waves.at(-1)
  const at = waves.findIndex((w) => w.id === wave?.id)
  const from = chosen.from ?? waves[at - 1]
  return {
    wave,
    from,
    allWaves: chosen.allWaves ?? false,
    weighting: chosen.weighting ?? 'respondents',
    includePartial: chosen.includePartial ?? false,
    setting: chosen.setting,
  }
}

interface Download {
  title: string
  href: string
  fileName: string
  description: string
}

function waveDownloads(programme: Programme, wave: Wave, { weighting, includePartial, allWaves, setting }: PageChoices, t: Translate) {
  const weight = weighting === 'settings' ? 'settings' : undefined
  const partial = includePartial ? 'yes' : undefined
  const partialNote = includePartial ? t('reports:exports.partialIncluded') : t('reports:exports.submittedOnly')
  const weightNote = weighting === 'settings' ? t('reports:exports.weightSettings') : t('reports:exports.weightRespondents')
  const csv = download(programme.slug)
  const values = { wave: wave.title }
  const answerValues = { wave: allWaves ? t('reports:exports.allWavesTitle') : wave.title }
  const answers = { wave: allWaves ? ALL_WAVES : wave.slug, 'include-partial': partial }
  const scored = { wave: wave.slug, weighting: weight }
  return [
    csv('answers', t('reports:exports.answers.title', answerValues), answers, `${t('reports:exports.answers.description')} ${partialNote}`),
    csv('responses', t('reports:exports.responses.title', answerValues), answers, `${t('reports:exports.responses.description')} ${partialNote}`),
    csv(
      'scores',
      t('reports:exports.scores.title', values),
      scored,
      `${t('reports:exports.scores.description', { count: programme.minPracticeN })} ${weightNote}`,
    ),
    csv('scale-stats', t('reports:exports.scaleStats.title', values), scored, `${t('reports:exports.scaleStats.description')} ${weightNote}`),
    csv(
      'item-stats',
      t('reports:exports.itemStats.title', values),
      { wave: wave.slug, setting },
      `${t('reports:exports.itemStats.description')} ${t(`reports:exports.setting.note.${setting ?? 'all'}`)}`,
    ),
  ]
}

const fileWave = (wave: string | undefined) => (wave === ALL_WAVES ? ALL_WAVES_FILE_PART : wave)

/** The SPSS and Stata files reading the responses file offered above them: of the same wave, or of all waves. */
function syntaxDownloads(slug: string, { wave, allWaves, includePartial }: PageChoices, t: Translate): Download[] {
  const query = { wave: allWaves ? ALL_WAVES : wave?.slug, 'include-partial': includePartial ? 'yes' : undefined }
  const file = allWaves || !wave ? ALL_WAVES_FILE_PART : wave.slug
  return (['spss', 'stata'] as const).map((format) => ({
    title: t(`reports:exports.${format}Syntax.title`),
    href: syntaxPath(slug, format, query),
    fileName: exportFileName(slug, format, { wave: file }),
    description: t(`reports:exports.${format}Syntax.description`),
  }))
}

const download =
  (slug: string) =>
  (kind: ExportKind, title: string, query: Record<string, string | undefined>, description: string): Download => ({
    title,
    href: downloadPath(slug, kind, query),
    fileName: exportFileName(slug, kind, { wave: fileWave(query.wave ?? query.to), from: query.from }),
    description,
  })

function downloads(programme: Programme, choices: PageChoices, t: Translate): Download[] {
  const { wave, from, weighting } = choices
  const slug = programme.slug
  const csv = download(slug)
  const weightNote = weighting === 'settings' ? t('reports:exports.weightSettings') : t('reports:exports.weightRespondents')
  const change =
    wave && from && from.id !== wave.id
      ? [
          csv(
            'change',
            t('reports:exports.change.title', { from: from.title, to: wave.title }),
            { from: from.slug, to: wave.slug, weighting: weighting === 'settings' ? 'settings' : undefined },
            `${t('reports:exports.change.description')} ${weightNote}`,
          ),
        ]
      : []
  return [
    ...(wave ? waveDownloads(programme, wave, choices, t) : []),
    ...change,
    csv('codebook', t('reports:exports.codebook.title'), {}, t('reports:exports.codebook.description')),
    // Without waves there are no scorecards, so no actions.
    ...(wave ? [csv('actions', t('reports:exports.actions.title'), {}, t('reports:exports.actions.description'))] : []),
    {
      title: t('reports:exports.rScript.title'),
      href: rScriptPath(slug, { wave: wave?.slug, from: from?.slug }),
      fileName: exportFileName(slug, 'r-script', {}),
      description: t('reports:exports.rScript.description'),
    },
    ...(wave ? syntaxDownloads(slug, choices, t) : []),
  ]
}

export function exportsPageModel(programme: Programme, waves: readonly Wave[], form: { choices: PageChoices } | InvalidExportChoices, t: Translate = english) {
  const { errors, errorSummary } = 'issues' in form ? formErrors(form.issues, { order: EXPORT_FIELDS, t }) : NO_FORM_ERRORS
  const values =
    'issues' in form
      ? form.values
      : {
          wave: form.choices.allWaves ? ALL_WAVES : form.choices.wave?.slug,
          from: form.choices.from?.slug,
          weighting: form.choices.weighting,
          'include-partial': form.choices.includePartial ? 'yes' : undefined,
          setting: form.choices.setting,
        }
  const waveItems = (field: 'wave' | 'from') => [...waves].reverse().map((w) => ({ value: w.slug, text: w.title, checked: values[field] === w.slug }))
  const allWavesItem = { value: ALL_WAVES, text: t('reports:exports.wave.all'), checked: values.wave === ALL_WAVES }
  return {
    title: t('reports:exports.title', { name: programme.name }),
    demo: programme.isDemo,
    backLink: { href: '/staff', text: t('reports:exports.back') },
    action: exportsPath(programme.slug),
    hasWaves: waves.length > 0,
    canCompare: waves.length > 1,
    errors,
    errorSummary,
    waveItems: waves.length > 1 ? [...waveItems('wave'), allWavesItem] : waveItems('wave'),
    fromItems: waveItems('from'),
    weightingItems: [
      { value: 'respondents', text: t('reports:exports.weighting.respondents'), checked: values.weighting !== 'settings' },
      { value: 'settings', text: t('reports:exports.weighting.settings'), checked: values.weighting === 'settings' },
    ],
    settingItems: (['all', ...SETTINGS] as const).map((setting) => ({
      value: setting === 'all' ? '' : setting,
      text: t(`reports:instrumentQuality.settings.${setting}`),
      checked: (values.setting ?? 'all') === setting,
    })),
    includePartialItems: [{ value: 'yes', text: t('reports:exports.includePartial.yes'), checked: values['include-partial'] === 'yes' }],
    downloads: 'issues' in form ? [] : downloads(programme, form.choices, t),
    allWavesNote: 'choices' in form && form.choices.allWaves ? t('reports:exports.allWaves') : undefined,
    changeNote:
      'choices' in form && waves.length > 1 && (!form.choices.from || form.choices.from.id === form.choices.wave?.id)
        ? t('reports:exports.changeNote')
        : undefined,
  }
}
