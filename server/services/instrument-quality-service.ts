// The instrument-quality page's figures: the item analysis of a wave, and the alpha of every wave of the programme.
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { NotFoundError } from '../errors.js'
import type { Setting } from '../questionnaires/definition-schema.js'
import type { InstrumentQuality } from '../scoring/item-analysis.js'
import type { ScoringService } from './scoring-service.js'

export interface InstrumentQualityData {
  programme: Programme
  waves: Wave[]
  /** The wave analysed: the one asked for, or the latest; undefined when the programme has no waves. */
  wave: Wave | undefined
  setting: Setting | undefined
  quality: InstrumentQuality[]
  /** Every wave of the programme in order, with its analysis for the same setting. */
  byWave: { wave: Wave; quality: InstrumentQuality[] }[]
}

export function createInstrumentQualityService(repos: Pick<Repositories, 'waves'>, scoring: Pick<ScoringService, 'itemAnalysis'>) {
  return {
    /** An unknown wave is "Page not found", as on the other report pages. */
    async page(programme: Programme, waveSlug: string | undefined, setting: Setting | undefined): Promise<InstrumentQualityData> {
      const waves = await repos.waves.listByProgramme(programme.id)
      const wave = waveSlug === undefined ? waves.at(-1) : waves.find((w) => w.slug === waveSlug)
      if (waveSlug !== undefined && !wave) throw new NotFoundError()
      const byWave = []
      for (const w of waves) byWave.push({ wave: w, quality: await scoring.itemAnalysis(w, setting) })
      return { programme, waves, wave, setting, quality: byWave.find((b) => b.wave.id === wave?.id)?.quality ?? [], byWave }
    },
  }
}
export type InstrumentQualityService = ReturnType<typeof createInstrumentQualityService>
