// The wave picker's options, latest first, saying which waves have no responses yet.
import type { Wave } from '../../domain/wave.js'
import { english, type Translate } from '../../i18n/translate.js'
import type { ReportWave } from '../../services/report-service.js'

export function waveOptions(waves: readonly ReportWave[], selected: Wave | null, t: Translate = english) {
  return [...waves].reverse().map(({ wave, submitted }) => ({
    value: wave.slug,
    text: submitted > 0 ? wave.title : t('reports:wave.noResponses', { wave: wave.title }),
    selected: wave.id === selected?.id,
  }))
}
