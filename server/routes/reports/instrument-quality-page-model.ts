// The instrument-quality page: per questionnaire a table of its scales, one of its items with flags in words, and
// alpha in every wave; a GET form chooses the wave and the setting. Figures not given say why in the cell.
import { SETTINGS, type NotRelevantCode } from '../../questionnaires/definition-schema.js'
import type { Formats } from '../../i18n/format.js'
import type { Translate } from '../../i18n/translate.js'
import {
  FLAG_FLOOR_CEILING_ABOVE,
  FLAG_ITEM_REST_BELOW,
  FLAG_NOT_RELEVANT_ABOVE,
  ITEM_FLAGS,
  MIN_COMPLETE_CASES,
  MIN_ITEM_ANSWERS,
  type QualityNote,
} from '../../scoring/item-analysis.js'
import type { InstrumentQualityData } from '../../services/instrument-quality-service.js'
import { comparePath, downloadPath, instrumentQualityPath } from '../paths.js'
import { REPORT_ASSETS } from './report-assets.js'
import { questionnaireLabel, scaleNode } from './report-labels.js'

export function instrumentQualityPageModel(data: InstrumentQualityData, t: Translate, format: Formats) {
  const { programme, wave, setting } = data
  const key = 'reports:instrumentQuality'
  const noteText = (note: QualityNote | null) => t(`${key}.notes.${note ?? 'no_variance'}`, { cases: MIN_COMPLETE_CASES, answers: MIN_ITEM_ANSWERS })
  const figure = (value: number | null, note: QualityNote | null) =>
    value === null ? { text: noteText(note), given: false } : { text: format.number(value, 3), given: true }
  const share = (value: number | null) => (value === null ? t(`${key}.notes.too_few_answers`, { answers: MIN_ITEM_ANSWERS }) : format.percent(value))
  const settingName = setting ? t(`${key}.settings.${setting}`) : t(`${key}.settings.all`)
  const option = (value: string, text: string, selected: boolean) => ({ value, text, selected })
  const multiItem = <S extends { items: number }>(scales: readonly S[]) => scales.filter((s) => s.items >= 2)
  const singleItemNote = (names: string[]) => (names.length ? t(`${key}.singleItems`, { names: format.list(names) }) : null)

  const questionnaires = data.quality.map((q) => {
    const label = questionnaireLabel(q.questionnaire, t)
    // The scales' names in the page's language: the analysis carries the scored definition's.
    const worded = data.worded.get(q.questionnaire)
    const nameOf = (s: { scale: string; name: string }) => (worded && scaleNode(worded, s.scale.split('/'))?.name) || s.name
    const scaleName = new Map(q.scales.map((s) => [s.scale, nameOf(s)]))
    const across = data.byWave.map((b) => b.quality.find((x) => x.questionnaire === q.questionnaire))
    return {
      id: q.questionnaire,
      heading: label,
      scalesCaption: t(`${key}.scalesCaption`, { questionnaire: label, wave: wave!.title, setting: settingName }),
      // A one-item scale has no reliability: it is named once below the table rather than given a row of blanks.
      singleItemNote: singleItemNote(q.scales.filter((s) => s.items < 2).map(nameOf)),
      scales: multiItem(q.scales).map((s) => ({
        name: nameOf(s),
        key: s.scale,
        items: s.items,
        n: s.nComplete,
        alpha: figure(s.alpha, s.alphaNote),
        ci:
          s.alphaLow === null || s.alphaHigh === null ? null : t(`${key}.interval`, { low: format.number(s.alphaLow, 3), high: format.number(s.alphaHigh, 3) }),
        omega: figure(s.omega, s.omegaNote),
        meanR: figure(s.meanR, s.meanRNote),
      })),
      itemsCaption: t(`${key}.itemsCaption`, { questionnaire: label, wave: wave!.title, setting: settingName }),
      items: q.items
        .filter((i) => i.nShown > 0)
        .map((i) => ({
          id: i.item,
          text: data.itemTexts.get(q.questionnaire)?.get(i.item) ?? '',
          scale: i.scale ? (scaleName.get(i.scale) ?? i.scale) : t(`${key}.noScale`),
          scaleKey: i.scale ?? '',
          reverse: i.reverse,
          nAnswered: i.nAnswered,
          mean: i.mean === null ? noteText(i.descriptivesNote) : format.number(i.mean, 2),
          sd: i.sd === null ? noteText(i.descriptivesNote) : format.number(i.sd, 2),
          floor: i.floor === null ? noteText(i.descriptivesNote) : format.percent(i.floor),
          ceiling: i.ceiling === null ? noteText(i.descriptivesNote) : format.percent(i.ceiling),
          notRelevant: i.notRelevant.map((nr) => `${t(`${key}.notRelevant.${nr.code as NotRelevantCode}`)}: ${share(nr.share)}`),
          missing: share(i.missing),
          itemRest: i.scale ? figure(i.itemRest, q.scales.find((s) => s.scale === i.scale)!.members.find((m) => m.item === i.item)!.itemRestNote) : null,
          alphaIfDropped: i.scale
            ? figure(i.alphaIfDropped, q.scales.find((s) => s.scale === i.scale)!.members.find((m) => m.item === i.item)!.alphaIfDroppedNote)
            : null,
          flags: i.flags.map((f) => t(`${key}.flags.${f}.name`)),
        })),
      acrossCaption: t(`${key}.acrossCaption`, { questionnaire: label, setting: settingName }),
      acrossWaves: multiItem(q.scales).map((s) => ({
        name: nameOf(s),
        cells: across.map((other) => {
          const found = other?.scales.find((x) => x.scale === s.scale)
          if (!found) return t(`${key}.notAsked`)
          return found.alpha === null ? noteText(found.alphaNote) : `${format.number(found.alpha, 3)} (n = ${found.nComplete})`
        }),
      })),
    }
  })

  return {
    title: t(`${key}.title`, { name: programme.name }),
    wide: true,
    demo: programme.isDemo,
    stylesheets: REPORT_ASSETS.stylesheets,
    backLink: { href: comparePath(programme.slug), text: t(`${key}.back`) },
    form: {
      action: instrumentQualityPath(programme.slug),
      wave: data.waves.map((w) => option(w.slug, w.title, w.id === wave?.id)),
      setting: [option('', t(`${key}.settings.all`), !setting), ...SETTINGS.map((s) => option(s, t(`${key}.settings.${s}`), s === setting))],
    },
    hasWave: wave !== undefined,
    intro: t(`${key}.intro`),
    method: t(`${key}.method`, { cases: MIN_COMPLETE_CASES, answers: MIN_ITEM_ANSWERS }),
    settingNote: setting ? null : t(`${key}.settingNote`),
    download: wave ? { href: downloadPath(programme.slug, 'item-stats', { wave: wave.slug, setting }), text: t(`${key}.download`) } : null,
    waveTitles: data.byWave.map((b) => b.wave.title),
    questionnaires,
    flagExplanations: ITEM_FLAGS.map((f) => ({
      name: t(`${key}.flags.${f}.name`),
      description: t(`${key}.flags.${f}.description`, {
        itemRest: format.number(FLAG_ITEM_REST_BELOW, 2),
        notRelevant: format.percent(FLAG_NOT_RELEVANT_ABOVE),
        floorCeiling: format.percent(FLAG_FLOOR_CEILING_ABOVE),
      }),
    })),
  }
}
