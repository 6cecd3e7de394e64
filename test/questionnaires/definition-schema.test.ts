// The fixture is untyped YAML edited into invalid shapes on purpose, so `any` is the honest type of what the edits touch.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { readFileSync } from 'node:fs'
import { parseDefinition } from '../../server/questionnaires/load-questionnaires.js'

const VALID = readFileSync('test/fixtures/questionnaires/pilot.yaml', 'utf8')
const FILE = 'questionnaires/x.yaml'

/** The fixture as data, changed by `edit`, back to YAML text. */
function variant(edit: (q: any) => void): string {
  const q = parseYaml(VALID)
  edit(q)
  return JSON.stringify(q)
}

describe('questionnaire definitions', () => {
  it('accepts a valid file and fills in the defaults', () => {
    const { questionnaire, problems } = parseDefinition(FILE, VALID)
    expect(problems).toEqual([])
    const item = questionnaire!.sections[0]!.items[2]!
    expect(item).toMatchObject({ id: 'p_confidence', required: false, settings: ['general_practice', 'link_worker', 'community'], notRelevant: [] })
    expect(questionnaire!.scoring!.minAnswered).toBe(0.5)
    expect([questionnaire!.language, questionnaire!.translations]).toEqual(['en-GB', []])
  })

  it.each([
    { broken: 'an unknown item type', edit: (q: any) => (q.sections[1].items[3].type = 'slider'), problem: "questionnaires/x.yaml: sections[1].items[3].type: Invalid discriminator value. Expected 'likert5' | 'scale0to10' | 'single' | 'multi' | 'text'" },
    { broken: 'a missing id', edit: (q: any) => delete q.id, problem: 'questionnaires/x.yaml: id: Invalid input: expected string, received undefined' },
    { broken: 'an unknown field', edit: (q: any) => (q.sections[0].items[0].colour = 'red'), problem: 'questionnaires/x.yaml: sections[0].items[0]: Unrecognized key: "colour"' },
    { broken: 'a duplicate item id', edit: (q: any) => (q.sections[1].items[0].id = 'p_leaders'), problem: 'questionnaires/x.yaml: sections[1].items[0].id: duplicate item id "p_leaders"' },
    { broken: 'a duplicate section id', edit: (q: any) => (q.sections[1].id = 'first-page'), problem: 'questionnaires/x.yaml: sections[1].id: duplicate section id "first-page"' },
    { broken: 'a placeholder other than {intervention}', edit: (q: any) => (q.sections[0].items[1].text = 'Leaders at {practice} help.'), problem: 'questionnaires/x.yaml: sections[0].items[1].text: the only placeholder allowed is {intervention}' },
    { broken: 'an unknown "not relevant" code', edit: (q: any) => (q.sections[0].items[1].notRelevant = ['nr_mood']), problem: 'questionnaires/x.yaml: sections[0].items[1].notRelevant[0]: Invalid option: expected one of "nr_role"|"nr_stage"|"nr_intervention"' },
    {
      broken: '"Not relevant to {intervention}" on a statement about {intervention}',
      edit: (q: any) => (q.sections[0].items[1].notRelevant = ['nr_intervention', 'nr_role']),
      problem: 'questionnaires/x.yaml: sections[0].items[1].notRelevant[0]: "p_leaders" is about {intervention} itself, so it cannot offer "nr_intervention" (Not relevant to {intervention}): remove it',
    },
    {
      broken: '"Not relevant to {intervention}" on a 0–10 question about {intervention}',
      edit: (q: any) => (q.sections[0].items[2].notRelevant = ['nr_stage', 'nr_intervention']),
      problem: 'questionnaires/x.yaml: sections[0].items[2].notRelevant[1]: "p_confidence" is about {intervention} itself, so it cannot offer "nr_intervention" (Not relevant to {intervention}): remove it',
    },
    { broken: 'an unknown setting', edit: (q: any) => (q.sections[1].items[0].settings = ['hospital']), problem: 'questionnaires/x.yaml: sections[1].items[0].settings[0]: Invalid option: expected one of "general_practice"|"link_worker"|"community"' },
    { broken: 'a scale path that is not declared', edit: (q: any) => (q.sections[0].items[1].scale = ['organisational', 'funding']), problem: 'questionnaires/x.yaml: sections[0].items[1].scale: "organisational → funding" is not a scale declared in scoring.scales' },
    { broken: 'a scale path of the wrong depth', edit: (q: any) => (q.sections[0].items[1].scale = ['organisational']), problem: 'questionnaires/x.yaml: sections[0].items[1].scale: must name 2 levels (dimension → element)' },
    { broken: 'an option code that reuses the "nr_" prefix', edit: (q: any) => (q.sections[0].items[0].options[0].code = 'nr_short'), problem: 'questionnaires/x.yaml: sections[0].items[0].options[0].code: codes starting "nr_" are reserved for "not relevant" choices' },
    { broken: 'two options with one code', edit: (q: any) => (q.sections[0].items[0].options[1].code = 'short'), problem: 'questionnaires/x.yaml: sections[0].items[0].options: two options share a code' },
    { broken: 'bands not best first', edit: (q: any) => q.scoring.bands.reverse(), problem: 'questionnaires/x.yaml: scoring.bands: bands must be listed best first, with strictly decreasing min' },
    { broken: 'bands that leave low scores without a band', edit: (q: any) => (q.scoring.bands[1].min = 10), problem: 'questionnaires/x.yaml: scoring.bands[1].min: the last band must start at 0 so every score has a band' },
    { broken: 'a minimum answered fraction above 1', edit: (q: any) => (q.scoring.minAnswered = 1.5), problem: 'questionnaires/x.yaml: scoring.minAnswered: Too big: expected number to be <=1' },
    { broken: 'a text item with no maximum above 5000', edit: (q: any) => (q.sections[1].items[4].maxLength = 10000), problem: 'questionnaires/x.yaml: sections[1].items[4].maxLength: Too big: expected number to be <=5000' },
    { broken: 'a scale with children at the last level', edit: (q: any) => (q.scoring.scales[0].children[0].children = [{ id: 'x', name: 'X' }]), problem: 'questionnaires/x.yaml: scoring.scales[0].children[0].children: scales stop at level "element"; remove children' },
    { broken: 'a language tag that is not one', edit: (q: any) => (q.translations = ['dutch']), problem: 'questionnaires/x.yaml: translations[0]: "dutch" is not a language tag such as nl or en-GB' },
    { broken: 'a language tag spelt other than canonically', edit: (q: any) => (q.language = 'en-gb'), problem: 'questionnaires/x.yaml: language: write the language tag as en-GB' },
    { broken: 'a translation into the source language', edit: (q: any) => (q.translations = ['nl', 'en-GB']), problem: 'questionnaires/x.yaml: translations[1]: "en-GB" is the language the definition is written in' },
    { broken: 'a translation listed twice', edit: (q: any) => (q.translations = ['nl', 'de', 'nl']), problem: 'questionnaires/x.yaml: translations[2]: lists "nl" twice' },
    { broken: 'a scored item that is not on the agree scale', edit: (q: any) => (q.sections[0].items[2].scale = ['organisational', 'leadership']), problem: 'questionnaires/x.yaml: sections[0].items[2]: Unrecognized key: "scale"' },
  ])('rejects $broken, naming the file and the path', ({ edit, problem }) => {
    const { questionnaire, problems } = parseDefinition('questionnaires/x.json', variant(edit))
    expect(questionnaire).toBeUndefined()
    expect(problems).toContain(problem.replace('x.yaml', 'x.json'))
  })

  it('lets a statement that does not name {intervention} offer "Not relevant to {intervention}"', () => {
    const { problems } = parseDefinition(FILE, variant((q) => (q.sections[1].items[0].notRelevant = ['nr_role', 'nr_intervention'])))
    expect(problems).toEqual([])
  })

  it('reports YAML that does not parse, with the file name', () => {
    const { problems } = parseDefinition(FILE, 'id: [unclosed\n')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^questionnaires\/x\.yaml: not valid YAML: /)
  })

  it('rejects a key given twice in YAML', () => {
    const { problems } = parseDefinition(FILE, `${VALID}\nid: again\n`)
    expect(problems[0]).toMatch(/^questionnaires\/x\.yaml: not valid YAML: Map keys must be unique/)
  })
})
