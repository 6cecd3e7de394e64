// The wave picker's options, latest first, saying which waves have no responses yet.
import type { Wave } from '../../domain/wave.js'
import type { ReportWave } from '../../services/report-service.js'

export function waveOptions(waves: readonly ReportWave[], selected: Wave | null) {
  return [...waves].reverse().map(({ wave, submitted }) => ({
    value: wave.slug,
    text: submitted > 0 ? wave.title : `${wave.title} (no responses yet)`,
    selected: wave.id === selected?.id,
  }))
}
