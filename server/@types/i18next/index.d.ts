// Message keys are checked when compiled: t('errors:notFound.title') must name a message of the English catalogue.
import type { resources } from '../../i18n/resources.js'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: (typeof resources)['en-GB']
    returnNull: false
  }
}
