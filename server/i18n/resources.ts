// Every message catalogue, by language and namespace: one JSON file each under messages/. A new area of the
// interface adds its namespace here for both languages; the test of catalogues checks that their keys agree.
import enActions from './messages/en-GB/actions.json' with { type: 'json' }
import enCommon from './messages/en-GB/common.json' with { type: 'json' }
import enErrors from './messages/en-GB/errors.json' with { type: 'json' }
import enHome from './messages/en-GB/home.json' with { type: 'json' }
import enProgrammes from './messages/en-GB/programmes.json' with { type: 'json' }
import enReports from './messages/en-GB/reports.json' with { type: 'json' }
import enStaff from './messages/en-GB/staff.json' with { type: 'json' }
import enStudy from './messages/en-GB/study.json' with { type: 'json' }
import enSurvey from './messages/en-GB/survey.json' with { type: 'json' }
import nlActions from './messages/nl/actions.json' with { type: 'json' }
import nlCommon from './messages/nl/common.json' with { type: 'json' }
import nlErrors from './messages/nl/errors.json' with { type: 'json' }
import nlHome from './messages/nl/home.json' with { type: 'json' }
import nlProgrammes from './messages/nl/programmes.json' with { type: 'json' }
import nlReports from './messages/nl/reports.json' with { type: 'json' }
import nlStaff from './messages/nl/staff.json' with { type: 'json' }
import nlStudy from './messages/nl/study.json' with { type: 'json' }
import nlSurvey from './messages/nl/survey.json' with { type: 'json' }

export const resources = {
  'en-GB': {
    actions: enActions,
    common: enCommon,
    errors: enErrors,
    home: enHome,
    programmes: enProgrammes,
    reports: enReports,
    staff: enStaff,
    study: enStudy,
    survey: enSurvey,
  },
  nl: {
    actions: nlActions,
    common: nlCommon,
    errors: nlErrors,
    home: nlHome,
    programmes: nlProgrammes,
    reports: nlReports,
    staff: nlStaff,
    study: nlStudy,
    survey: nlSurvey,
  },
} as const

export type Namespace = keyof (typeof resources)['en-GB']
export const NAMESPACES = Object.keys(resources['en-GB']) as Namespace[]
