// The R script is written from the definitions: every item, label, option and scale of the current questionnaires.
import { describe, expect, it } from 'vitest'
import { exportFileName } from '../../server/exports/export-kinds.js'
import { rScript, rString } from '../../server/exports/r-script.js'
import { LIKERT5_LABELS } from '../../server/questionnaires/answer-labels.js'
import { loadQuestionnaires } from '../../server/questionnaires/load-questionnaires.js'
import { allItems, allScales } from '../../server/questionnaires/questionnaire-model.js'
import { REAL_QUESTIONNAIRES } from '../support/test-linkscore.js'

const questionnaires = loadQuestionnaires(REAL_QUESTIONNAIRES).map((l) => l.questionnaire)
const programme = { slug: 'north', name: 'North PCN', intervention: 'social prescribing' }
const script = rScript({ programme, wave: 'six-months', fromWave: 'baseline', questionnaires, generatedOn: '2026-03-01' })
// Lines without indentation or the comma that separates rows of a table.
const lines = script.split('\n').map((line) => line.trim().replace(/,$/, ''))

describe('rString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ['two\nlines\ttab', '"two\\nlines\\ttab"'],
    ['café', '"caf\\u{e9}"'],
    ['– dash', '"\\u{2013} dash"'],
    ['😀', '"\\U{1f600}"'],
    ['a\u0000b\u0007', '"ab\\x07"'],
  ])('%j → %s', (text, literal) => {
    expect(rString(text)).toBe(literal)
  })
})

describe('the R script for the current questionnaires', () => {
  it('is plain ASCII, so it reads the same in any locale', () => {
    expect(script).toMatch(/^[\x09\x0a\x20-\x7e]*$/)
  })

  it('lists every item with its type, scale path and reverse flag, the wording filled in', () => {
    for (const q of questionnaires) {
      for (const item of allItems(q)) {
        const scale = item.type === 'likert5' && item.scale ? item.scale.join('/') : ''
        const reverse = item.type === 'likert5' && item.reverse ? 'TRUE' : 'FALSE'
        const row = `c(${[q.id, String(q.version), item.id, item.type, scale, reverse].map(rString).join(', ')}, `
        expect(
          lines.filter((line) => line.startsWith(row)),
          `${q.id}/${item.id}`,
        ).toHaveLength(1)
      }
    }
    expect(script).not.toContain('{intervention}')
  })

  it('maps every likert item of a scale to its scale path, and lists every scale at every level', () => {
    const scored = questionnaires.flatMap((q) =>
      allItems(q).flatMap((i) => (i.type === 'likert5' && i.scale ? [{ q, id: i.id, path: i.scale.join('/') }] : [])),
    )
    expect(scored.length).toBeGreaterThan(50)
    for (const { q, id, path } of scored) expect(script).toContain(`${rString(q.id)}, "${q.version}", ${rString(id)}, "likert5", ${rString(path)}, `)
    const scales = questionnaires.flatMap((q) => allScales(q).map((s) => `c(${[q.id, s.level, s.path.join('/'), s.node.name].map(rString).join(', ')})`))
    expect(scales.length).toBeGreaterThan(10)
    for (const scale of scales) expect(lines).toContain(scale)
  })

  it('labels the agree scale, the "not relevant" codes and every option', () => {
    expect(lines).toContain(`linkscore_likert5_labels <- c(${LIKERT5_LABELS.map(rString).join(', ')})`)
    expect(lines).toContain(
      'linkscore_not_relevant_labels <- c("nr_role" = "Not relevant to my role", "nr_stage" = "Not relevant at this stage", "nr_intervention" = "Not relevant to social prescribing")',
    )
    let choiceItems = 0
    for (const q of questionnaires) {
      for (const item of allItems(q)) {
        if (item.type === 'single' || item.type === 'multi') {
          choiceItems++
          const options = item.options.map((o) => `${rString(o.code)} = ${rString(o.label.replaceAll('{intervention}', 'social prescribing'))}`)
          expect(lines).toContain(`"${q.id}/${item.id}" = c(${options.join(', ')})`)
        }
        if ('notRelevant' in item && item.notRelevant.length) expect(lines).toContain(`"${q.id}/${item.id}" = c(${item.notRelevant.map(rString).join(', ')})`)
      }
    }
    expect(choiceItems).toBeGreaterThan(1)
  })

  it('reads the files under the names the exports page gives them', () => {
    expect(exportFileName('north', 'answers', { wave: 'six-months' })).toBe('north-six-months-answers.csv')
    expect(lines).toContain('answers = paste0("north-", linkscore_wave, "-answers.csv")')
    expect(lines).toContain('responses = paste0("north-", linkscore_wave, "-responses.csv")')
    expect(lines).toContain('scale_stats = paste0("north-", linkscore_wave, "-scale-stats.csv")')
    expect(exportFileName('north', 'change', { wave: 'six-months', from: 'baseline' })).toBe('north-baseline-to-six-months-change.csv')
    expect(lines).toContain('change = paste0("north-", linkscore_from_wave, "-to-", linkscore_wave, "-change.csv")')
    expect(lines).toContain('codebook = "north-codebook.csv"')
    expect(lines).toContain('if (!exists("linkscore_wave")) linkscore_wave <- "six-months"')
    expect(lines).toContain('if (!exists("linkscore_from_wave")) linkscore_from_wave <- "baseline"')
  })

  it('balances its brackets outside strings and comments', () => {
    const code = script.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/#.*$/gm, '')
    const stack: string[] = []
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' }
    for (const ch of code) {
      if ('([{'.includes(ch)) stack.push(ch)
      else if (ch in pairs) expect(stack.pop()).toBe(pairs[ch])
    }
    expect(stack).toEqual([])
  })
})
