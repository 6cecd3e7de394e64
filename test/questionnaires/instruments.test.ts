// Content rules for the two shipped instruments, checked against the real questionnaires/ folder.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, it, expect } from 'vitest'
import { SETTINGS, type Item, type Questionnaire, type Setting } from '../../server/questionnaires/definition-schema.js'
import { loadQuestionnaires } from '../../server/questionnaires/load-questionnaires.js'
import { localiseQuestionnaire } from '../../server/questionnaires/localise-questionnaire.js'
import { allItems, allScales, itemsShownTo, scoredItems } from '../../server/questionnaires/questionnaire-model.js'

const QUESTIONNAIRE_FOLDER = fileURLToPath(new URL('../../questionnaires', import.meta.url))
const DOCS_FILE = fileURLToPath(new URL('../../docs/instruments.md', import.meta.url))

const SECONDS_PER_ITEM = 7
const MINUTES_PER_SETTING = 12

// Written out from issue 3 rather than read from the files, so dropping a scale or its last item fails.
const NPT_SUBCONSTRUCTS: Record<string, string[]> = {
  coherence: ['differentiation', 'communal_specification', 'individual_specification', 'internalisation'],
  cognitive_participation: ['initiation', 'enrolment', 'legitimation', 'activation'],
  collective_action: ['interactional_workability', 'relational_integration', 'skill_set_workability', 'contextual_integration'],
  reflexive_monitoring: ['systematisation', 'communal_appraisal', 'individual_appraisal', 'reconfiguration'],
}
const NPT_TWO_ITEM_SUBCONSTRUCTS = ['relational_integration', 'skill_set_workability', 'contextual_integration', 'reconfiguration']
const NPT_GENERAL_ITEMS = ['npt_general_familiar', 'npt_general_normal_now', 'npt_general_normal_future']

const GOOD_PRACTICE_ELEMENTS: Record<string, string[]> = {
  individual: ['buy_in', 'vocation', 'knowledge'],
  interpersonal: ['trustful', 'bidirectional', 'informed', 'supportive', 'transparent_convenient'],
  organisational: [
    'practice_culture',
    'leadership',
    'training',
    'supervision',
    'information_governance',
    'resource_adequacy',
    'accessibility',
    'continuity_of_care',
  ],
  policy: ['policymaking', 'stable_funding', 'monitoring'],
}
const GOOD_PRACTICE_OPEN_QUESTIONS = ['gp_facilitators', 'gp_barriers']

const SETTING_ID_MARKERS: Record<Setting, string> = { general_practice: 'gp', link_worker: 'lw', community: 'co' }

// Words from the theories that are not scale names but must not reach respondents either.
const EXTRA_THEORY_WORDS = ['normalisation', 'normalization', 'NPT', 'construct', 'sub-construct', 'realist', 'NoMAD']

const loaded = loadQuestionnaires(QUESTIONNAIRE_FOLDER)
const everyQuestionnaire = loaded.map((l) => l.questionnaire)

function byId(id: string): Questionnaire {
  const questionnaire = everyQuestionnaire.find((q) => q.id === id)
  if (!questionnaire) throw new Error(`questionnaires/ has no "${id}" questionnaire`)
  return questionnaire
}

const npt = byId('normalisation')
const goodPractice = byId('good-practice')
const instruments = [
  { questionnaire: npt, expected: NPT_SUBCONSTRUCTS, prefix: 'npt_' },
  { questionnaire: goodPractice, expected: GOOD_PRACTICE_ELEMENTS, prefix: 'gp_' },
]

function expectedLeafPaths(expected: Record<string, string[]>): string[] {
  return Object.entries(expected).flatMap(([parent, children]) => children.map((child) => `${parent}/${child}`))
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
}

function itemTexts(item: Item): string[] {
  const texts = [item.text]
  if (item.hint) texts.push(item.hint)
  if (item.type === 'scale0to10') texts.push(item.labels.min, item.labels.max)
  if (item.type === 'single' || item.type === 'multi') texts.push(...item.options.map((o) => o.label))
  return texts
}

/** Everything a respondent can read: titles, introductions, item text, hints, labels and options. */
function respondentTexts(questionnaire: Questionnaire): { where: string; text: string }[] {
  const out = [
    { where: `${questionnaire.id} title`, text: questionnaire.title },
    { where: `${questionnaire.id} introduction`, text: questionnaire.introduction },
  ]
  for (const section of questionnaire.sections) {
    out.push({ where: `${questionnaire.id} section ${section.id} title`, text: section.title })
    if (section.introduction) out.push({ where: `${questionnaire.id} section ${section.id} introduction`, text: section.introduction })
    for (const item of section.items) out.push(...itemTexts(item).map((text) => ({ where: item.id, text })))
  }
  return out
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('the instruments declare exactly the scales in issue 3', () => {
  it.each(instruments)('$questionnaire.id', ({ questionnaire, expected }) => {
    const declared = allScales(questionnaire)
      .filter((s) => s.path.length === 2)
      .map((s) => s.path.join('/'))
    expect(declared.sort()).toEqual(expectedLeafPaths(expected).sort())
  })
})

describe('every scale is measured in every setting', () => {
  const cases = instruments.flatMap(({ questionnaire, expected }) => SETTINGS.map((setting) => ({ id: questionnaire.id, questionnaire, expected, setting })))

  it.each(cases)('$id: $setting', ({ questionnaire, expected, setting }) => {
    const shown = new Set(itemsShownTo(questionnaire, setting).map((item) => item.id))
    const measured = new Set(
      scoredItems(questionnaire)
        .filter((item) => shown.has(item.id))
        .map((item) => item.scale!.join('/')),
    )
    const unmeasured = expectedLeafPaths(expected).filter((path) => !measured.has(path))
    expect(unmeasured).toEqual([])
  })
})

describe('normalisation instrument', () => {
  const likert = allItems(npt).filter((item) => item.type === 'likert5')

  it('has at least 20 five-point items', () => {
    expect(likert.length).toBeGreaterThanOrEqual(20)
  })

  it.each(NPT_TWO_ITEM_SUBCONSTRUCTS)('has at least two items for %s', (subconstruct) => {
    expect(scoredItems(npt).filter((item) => item.scale![1] === subconstruct).length).toBeGreaterThanOrEqual(2)
  })

  it.each(NPT_GENERAL_ITEMS)('asks the general question %s on a 0 to 10 scale, outside every scale', (id) => {
    const item = allItems(npt).find((i) => i.id === id)
    expect(item?.type).toBe('scale0to10')
    expect(item && 'scale' in item).toBe(false)
    expect(item?.settings).toEqual([...SETTINGS])
  })
})

describe('good practice instrument', () => {
  it.each(GOOD_PRACTICE_OPEN_QUESTIONS)('asks everyone the open question %s, unscored', (id) => {
    const item = allItems(goodPractice).find((i) => i.id === id)
    expect(item?.type).toBe('text')
    expect(item?.settings).toEqual([...SETTINGS])
    expect(item?.hint).toMatch(/not name patients or colleagues/)
  })

  it('keeps each page short enough to read in one go', () => {
    const oversized = goodPractice.sections.flatMap((section) =>
      SETTINGS.map((setting) => ({ section: section.id, setting, count: section.items.filter((i) => i.settings.includes(setting)).length })),
    ).filter(({ count }) => count > 10)
    expect(oversized).toEqual([])
  })
})

describe.each(instruments)('$questionnaire.id items', ({ questionnaire, prefix }) => {
  const likert = allItems(questionnaire).filter((item) => item.type === 'likert5')

  it('include at least one negatively worded, reverse-scored item', () => {
    expect(likert.filter((item) => item.reverse).map((item) => item.id)).not.toEqual([])
  })

  it('offer the "not relevant" choices and a scale on every five-point item, "Not relevant to {intervention}" only where the statement is not about it', () => {
    const expected = (text: string) => (text.includes('{intervention}') ? 'nr_role,nr_stage' : 'nr_intervention,nr_role,nr_stage')
    const incomplete = likert.filter((item) => !item.scale || [...item.notRelevant].sort().join() !== expected(item.text))
    expect(incomplete.map((item) => item.id)).toEqual([])
  })

  it(`use readable ids starting "${prefix}"`, () => {
    const bad = allItems(questionnaire).filter((item) => !item.id.startsWith(prefix))
    expect(bad.map((item) => item.id)).toEqual([])
  })

  it('mark an item asked in one setting only with that setting in its id', () => {
    const unmarked = allItems(questionnaire).filter(
      (item) => item.settings.length === 1 && !new RegExp(`_${SETTING_ID_MARKERS[item.settings[0]!]}(_|$)`).test(item.id),
    )
    expect(unmarked.map((item) => item.id)).toEqual([])
  })

  it('give guidance on every scale', () => {
    const missing = allScales(questionnaire).filter((scale) => !scale.node.guidance)
    expect(missing.map((scale) => scale.path.join('/'))).toEqual([])
  })

  it('say {intervention} rather than naming the intervention, and never open a sentence with it', () => {
    const texts = respondentTexts(questionnaire)
    expect(texts.filter(({ text }) => /social prescribing/i.test(text))).toEqual([])
    expect(allItems(questionnaire).filter((item) => item.text.startsWith('{intervention}')).map((item) => item.id)).toEqual([])
  })

  it('ask one short thing per statement', () => {
    const rated = allItems(questionnaire).filter((item) => item.type === 'likert5' || item.type === 'scale0to10')
    // " and " is the usual sign of a double-barrelled statement; none of ours needs it.
    expect(rated.filter((item) => / and /i.test(item.text)).map((item) => item.id)).toEqual([])
    expect(rated.filter((item) => item.text.split(/\s+/).length > 20).map((item) => item.id)).toEqual([])
  })
})

describe('across all questionnaires', () => {
  it('every item id is unique', () => {
    const ids = everyQuestionnaire.flatMap((q) => allItems(q).map((item) => item.id))
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  it('no item text is asked twice', () => {
    const texts = everyQuestionnaire.flatMap((q) => allItems(q).map((item) => normalise(item.text)))
    expect(texts.filter((text, i) => texts.indexOf(text) !== i)).toEqual([])
  })

  it('no scale name or theory word is shown to respondents', () => {
    const scaleNames = everyQuestionnaire.flatMap((q) => allScales(q).map((s) => s.node.name))
    expect(scaleNames).toContain('Legitimation')
    expect(scaleNames).toContain('Transparent and convenient interactions')
    const words = [...new Set([...scaleNames, ...EXTRA_THEORY_WORDS])]
    const patterns = words.map((word) => ({ word, pattern: new RegExp(`(^|[^a-z])${escapeRegExp(word)}($|[^a-z])`, 'i') }))
    const leaks = everyQuestionnaire
      .flatMap(respondentTexts)
      .flatMap(({ where, text }) => patterns.filter(({ pattern }) => pattern.test(text)).map(({ word }) => `${where}: "${word}" in "${text}"`))
    expect(leaks).toEqual([])
  })

  it.each(SETTINGS)(`the whole survey for %s takes at most ${MINUTES_PER_SETTING} minutes at ${SECONDS_PER_ITEM} s an item`, (setting: Setting) => {
    const count = everyQuestionnaire.reduce((sum, q) => sum + itemsShownTo(q, setting).length, 0)
    expect(count * SECONDS_PER_ITEM).toBeLessThanOrEqual(MINUTES_PER_SETTING * 60)
  })
})

describe('the Dutch wording', () => {
  const dutch = loaded.map(({ questionnaire, translations }) => localiseQuestionnaire(questionnaire, translations.find((t) => t.translation.language === 'nl')!.translation))
  const rated = (q: Questionnaire) => allItems(q).filter((item) => item.type === 'likert5' || item.type === 'scale0to10')

  it.each(dutch)('$id says {intervention} rather than "welzijn op recept", and never opens a sentence with it', (questionnaire) => {
    expect(respondentTexts(questionnaire).filter(({ text }) => /welzijn op recept|social prescribing/i.test(text))).toEqual([])
    expect(allItems(questionnaire).filter((item) => item.text.startsWith('{intervention}')).map((item) => item.id)).toEqual([])
  })

  it.each(dutch)('$id addresses people as "u", says welzijnscoach for the link worker, and asks one short thing per statement', (questionnaire) => {
    const texts = respondentTexts(questionnaire)
    expect(texts.filter(({ text }) => /(^|[^a-z])(je|jij|jou|jouw|jullie)($|[^a-z])/i.test(text))).toEqual([])
    expect(texts.filter(({ text }) => /link ?worker/i.test(text))).toEqual([])
    expect(rated(questionnaire).filter((item) => / en /i.test(item.text)).map((item) => item.id)).toEqual([])
    expect(rated(questionnaire).filter((item) => item.text.split(/\s+/).length > 20).map((item) => item.id)).toEqual([])
  })

  it('shows respondents no scale name, in either language, and no theory word', () => {
    const scaleNames = [...everyQuestionnaire, ...dutch].flatMap((q) => allScales(q).map((s) => s.node.name))
    expect(scaleNames).toContain('Legitimatie')
    expect(scaleNames).toContain('Draagvlak')
    const words = [...new Set([...scaleNames, ...EXTRA_THEORY_WORDS, 'normalisatie'])]
    const patterns = words.map((word) => ({ word, pattern: new RegExp(`(^|[^a-z])${escapeRegExp(word)}($|[^a-z])`, 'i') }))
    const leaks = dutch
      .flatMap(respondentTexts)
      .flatMap(({ where, text }) => patterns.filter(({ pattern }) => pattern.test(text)).map(({ word }) => `${where}: "${word}" in "${text}"`))
    expect(leaks).toEqual([])
  })

  it('asks no item twice', () => {
    const texts = dutch.flatMap((q) => allItems(q).map((item) => normalise(item.text)))
    expect(texts.filter((text, i) => texts.indexOf(text) !== i)).toEqual([])
  })
})

describe('docs/instruments.md', () => {
  const docs = readFileSync(DOCS_FILE, 'utf8')
  const rows = docs.split('\n').filter((line) => line.startsWith('|'))

  it.each(instruments)('lists every $questionnaire.id item with its current wording', ({ questionnaire }) => {
    const stale = allItems(questionnaire).filter((item) => {
      const itemRows = rows.filter((row) => row.includes(`\`${item.id}\``))
      return itemRows.length === 0 || itemRows.some((row) => !row.includes(item.text))
    })
    expect(stale.map((item) => item.id)).toEqual([])
  })

  it.each(SETTINGS)('gives the current item counts for %s', (setting) => {
    const counts = ['context', 'normalisation', 'good-practice'].map((id) => itemsShownTo(byId(id), setting).length)
    const total = counts.reduce((sum, n) => sum + n, 0)
    const minutes = ((total * SECONDS_PER_ITEM) / 60).toFixed(1)
    const row = rows.find((r) => r.includes(`(\`${setting}\`) |`))
    expect(row?.split('|').slice(2, -1).map((cell) => cell.trim())).toEqual([...counts.map(String), String(total), minutes])
  })

  it.each(instruments.flatMap(({ questionnaire }) => SETTINGS.map((setting) => ({ id: questionnaire.id, questionnaire, setting }))))(
    'has a $id table for $setting listing exactly the items that setting sees',
    ({ questionnaire, setting }) => {
      const heading = `<!-- items: ${questionnaire.id} ${setting} -->`
      const start = docs.indexOf(heading)
      expect(start, `missing marker ${heading}`).toBeGreaterThanOrEqual(0)
      const after = docs.slice(start + heading.length).split('\n').map((line) => line.trim())
      const firstRow = after.findIndex((line) => line.startsWith('|'))
      const rest = firstRow === -1 ? [] : after.slice(firstRow)
      const end = rest.findIndex((line) => !line.startsWith('|'))
      const table = end === -1 ? rest : rest.slice(0, end)
      const listed = table.flatMap((row) => /^\| `([a-z0-9_]+)` \|/.exec(row)?.[1] ?? [])
      expect(listed).toEqual(itemsShownTo(questionnaire, setting).map((item) => item.id))
    },
  )
})
