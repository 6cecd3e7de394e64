// The rows of the item-stats export: one per scale, then one per item of that scale, at full precision. A figure
// item-analysis.ts does not give (too few cases, too few items, no variance) is an empty cell with its reason in a note.
import { NOT_RELEVANT_CODES } from '../questionnaires/definition-schema.js'
import { itemFlags, type InstrumentQuality } from '../scoring/item-analysis.js'

export const ITEM_STATS_COLUMNS = [
  'wave',
  'setting',
  'questionnaire',
  'row_type',
  'level',
  'scale',
  'item',
  'items',
  'n_complete',
  'alpha',
  'alpha_ci_low',
  'alpha_ci_high',
  'omega',
  'mean_r',
  'item_rest',
  'alpha_if_dropped',
  'reverse',
  'n_shown',
  'n_answered',
  'mean',
  'sd',
  'floor',
  'ceiling',
  ...NOT_RELEVANT_CODES,
  'not_relevant',
  'missing',
  'flags',
  'alpha_note',
  'omega_note',
  'mean_r_note',
  'item_rest_note',
  'alpha_if_dropped_note',
  'descriptives_note',
  'shares_note',
] as const

type Cell = string | number | boolean | null
type Row = Partial<Record<(typeof ITEM_STATS_COLUMNS)[number], Cell>>

/** `setting` is the setting the figures are of, or 'all'. An item's flags on each row are judged in that row's scale. */
export function itemStatsRows(wave: string, setting: string, quality: readonly InstrumentQuality[]): Row[] {
  return quality.flatMap((q) => {
    const items = new Map(q.items.map((i) => [i.item, i]))
    return q.scales.flatMap((s) => {
      const ids = { wave, setting, questionnaire: q.questionnaire, level: s.level, scale: s.scale }
      const scaleRow: Row = {
        ...ids,
        row_type: 'scale',
        items: s.items,
        n_complete: s.nComplete,
        alpha: s.alpha,
        alpha_ci_low: s.alphaLow,
        alpha_ci_high: s.alphaHigh,
        omega: s.omega,
        mean_r: s.meanR,
        alpha_note: s.alphaNote,
        omega_note: s.omegaNote,
        mean_r_note: s.meanRNote,
      }
      const itemRows = s.members.map((m): Row => {
        const i = items.get(m.item)!
        const nr = Object.fromEntries(NOT_RELEVANT_CODES.map((code) => [code, i.notRelevant.find((x) => x.code === code)?.share ?? null]))
        return {
          ...ids,
          row_type: 'item',
          item: m.item,
          items: s.items,
          n_complete: s.nComplete,
          item_rest: m.itemRest,
          alpha_if_dropped: m.alphaIfDropped,
          reverse: i.reverse,
          n_shown: i.nShown,
          n_answered: i.nAnswered,
          mean: i.mean,
          sd: i.sd,
          floor: i.floor,
          ceiling: i.ceiling,
          ...nr,
          not_relevant: i.notRelevantShare,
          missing: i.missing,
          flags: itemFlags(i, m.itemRest).join('|'),
          item_rest_note: m.itemRestNote,
          alpha_if_dropped_note: m.alphaIfDroppedNote,
          descriptives_note: i.descriptivesNote,
          shares_note: i.sharesNote,
        }
      })
      return [scaleRow, ...itemRows]
    })
  })
}
