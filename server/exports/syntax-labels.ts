// The labels of the SPSS and Stata syntax files, in the programme's default language, from the message catalogues.
import { IMPLEMENTATION_STAGES, type Rurality } from '../domain/practice.js'
import type { Wave } from '../domain/wave.js'
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages.js'
import type { Translate } from '../i18n/translate.js'
import { likert5Labels, notRelevantLabel } from '../questionnaires/answer-labels.js'
import { NOT_RELEVANT_CODES, SETTINGS } from '../questionnaires/definition-schema.js'
import { fillIntervention } from '../questionnaires/questionnaire-model.js'
import { ROLES, roleLabel, settingLabel } from '../survey/roles.js'
import { PRACTICE_CONTEXT_COLUMNS } from './practice-context.js'
import { RESPONSE_COLUMNS } from './response-rows.js'
import type { SyntaxLabels } from './syntax-columns.js'

const RURALITY: readonly Rurality[] = ['urban', 'rural']

export function syntaxLabels(t: Translate, waves: readonly Wave[], intervention: string): SyntaxLabels {
  const columns = [...RESPONSE_COLUMNS, ...PRACTICE_CONTEXT_COLUMNS]
  return {
    columns: Object.fromEntries(columns.map((c) => [c, t(`reports:exports.syntax.columns.${c}`)])) as SyntaxLabels['columns'],
    likert5: likert5Labels(t),
    notRelevant: Object.fromEntries(NOT_RELEVANT_CODES.map((c) => [c, fillIntervention(notRelevantLabel(c, t), intervention)])) as SyntaxLabels['notRelevant'],
    chosen: { yes: t('reports:exports.syntax.yes'), no: t('reports:exports.syntax.no') },
    waves: waves.map((w) => ({ code: w.slug, label: w.title })),
    roles: ROLES.map((r) => ({ code: r.code, label: roleLabel(r, t) })),
    settings: SETTINGS.map((s) => ({ code: s, label: fillIntervention(settingLabel(s, t), intervention) })),
    statuses: [
      { code: 'submitted', label: t('reports:exports.syntax.submitted') },
      { code: 'in_progress', label: t('reports:exports.syntax.inProgress') },
    ],
    languages: LANGUAGES.map((l) => ({ code: l, label: LANGUAGE_NAMES[l] })),
    rurality: RURALITY.map((r) => ({ code: r, label: t(`study:practice.rurality.${r}`) })),
    stages: IMPLEMENTATION_STAGES.map((s) => ({ code: s, label: t(`study:stages.${s}`) })),
  }
}
