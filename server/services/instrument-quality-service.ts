// The instrument-quality page's figures: the item analysis of a wave, and the alpha of every wave of the programme.
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { NotFoundError } from '../errors.js'
import type { Questionnaire, Setting } from '../questionnaires/definition-schema.js'
import { allItems, fillIntervention } from '../questionnaires/questionnaire-model.js'
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
  /** Per questionnaire, each item's wording in the page's language (the scored definition's where it has no copy in it). */
  itemTexts: Map<string, Map<string, string>>
  /** Per questionnaire, the definition in the page's language (the scored one where it has no copy in it): its scales' names. */
  worded: Map<string, Questionnaire>
}

export function createInstrumentQualityService(
  repos: Pick<Repositories, 'waves'>,
  scoring: Pick<ScoringService, 'itemAnalysis' | 'definition' | 'inLanguage'>,
) {
  return {
    /** An unknown wave is "Page not found", as on the other report pages. */
    async page(programme: Programme, waveSlug: string | undefined, setting: Setting | undefined, language?: string): Promise<InstrumentQualityData> {
      const waves = await repos.waves.listByProgramme(programme.id)
      const wave = waveSlug === undefined ? waves.at(-1) : waves.find((w) => w.slug === waveSlug)
      if (waveSlug !== undefined && !wave) throw new NotFoundError()
      const byWave = []
      for (const w of waves) byWave.push({ wave: w, quality: await scoring.itemAnalysis(w, setting) })
      const quality = byWave.find((b) => b.wave.id === wave?.id)?.quality ?? []
      const itemTexts = new Map<string, Map<string, string>>()
      const worded = new Map<string, Questionnaire>()
      for (const q of wave ? quality : []) {
        const definition = await scoring.definition(wave!, q.questionnaire)
        const shown = scoring.inLanguage(definition, language) ?? definition
        worded.set(q.questionnaire, shown)
        itemTexts.set(q.questionnaire, new Map(allItems(shown).map((item) => [item.id, fillIntervention(item.text, programme.intervention)])))
      }
      return { programme, waves, wave, setting, quality, byWave, itemTexts, worded }
    },
  }
}
export type InstrumentQualityService = ReturnType<typeof createInstrumentQualityService>
