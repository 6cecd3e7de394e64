// The fixture is untyped YAML edited into incomplete shapes on purpose, so `any` is the honest type of what the edits touch.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { parseDefinition, parseTranslation } from '../../server/questionnaires/load-questionnaires.js'
import { translatableProblems, translationProblems } from '../../server/questionnaires/translation-problems.js'

const PILOT = readFileSync('test/fixtures/questionnaires/pilot.yaml', 'utf8').replace('version: 1', 'version: 1\ntranslations: [nl]')
const PILOT_NL = readFileSync('test/fixtures/translations/pilot.nl.yaml', 'utf8')
const definition = { file: 'q/pilot.yaml', questionnaire: parseDefinition('q/pilot.yaml', PILOT).questionnaire! }
const FILE = 'q/pilot.nl.yaml'

/** The problems of the Dutch fixture once `edit` has changed it. */
function problemsOf(edit: (t: any) => void = () => {}): string[] {
  const data = parseYaml(PILOT_NL)
  edit(data)
  const { translation, problems } = parseTranslation(FILE, JSON.stringify(data))
  expect(problems).toEqual([])
  return translationProblems(definition, { file: FILE, language: 'nl', translation: translation! })
}

describe('translationProblems', () => {
  it('finds none in a complete translation', () => {
    expect(problemsOf()).toEqual([])
  })

  it.each([
    {
      gap: 'a missing item text',
      edit: (t: any) => delete t.items.p_leaders.text,
      problem: 'q/pilot.nl.yaml: items.p_leaders.text: missing (the English is "Leaders here make time for {intervention}.")',
    },
    {
      gap: 'a missing option label',
      edit: (t: any) => delete t.items.p_channels.options.directory,
      problem: 'q/pilot.nl.yaml: items.p_channels.options.directory: missing (the English is "From a directory")',
    },
    { gap: 'a missing scale end label', edit: (t: any) => delete t.items.p_confidence.labels.max, problem: 'q/pilot.nl.yaml: items.p_confidence.labels.max: missing (the English is "Completely")' },
    { gap: 'a missing band', edit: (t: any) => delete t.bands[0], problem: 'q/pilot.nl.yaml: bands.0: missing (the English is "Poor practice")' },
    { gap: 'a missing scale guidance', edit: (t: any) => delete t.scales.training.guidance, problem: 'q/pilot.nl.yaml: scales.training.guidance: missing (the English is "Staff are trained.")' },
    { gap: 'a missing title', edit: (t: any) => delete t.title, problem: 'q/pilot.nl.yaml: title: missing (the English is "Pilot of {intervention}")' },
    { gap: 'an empty text', edit: (t: any) => (t.sections['second-page'].title = '  '), problem: 'q/pilot.nl.yaml: sections.second-page.title: empty (the English is "Training")' },
    { gap: 'a key left empty', edit: (t: any) => (t.levels.element = null), problem: 'q/pilot.nl.yaml: levels.element: empty (the English is "Element")' },
    {
      gap: 'a lost placeholder',
      edit: (t: any) => (t.items.p_comments.text = 'Nog iets over welzijn op recept?'),
      problem: 'q/pilot.nl.yaml: items.p_comments.text: must keep {intervention}, as the English does ("Anything else about {intervention}?")',
    },
    { gap: 'an unknown placeholder', edit: (t: any) => (t.items.p_training_gp.text = 'Ik ben geschoold in {praktijk}.'), problem: 'q/pilot.nl.yaml: items.p_training_gp.text: the only placeholder allowed is {intervention}' },
    { gap: 'an extra item', edit: (t: any) => (t.items.nope = { text: 'Bestaat niet.' }), problem: 'q/pilot.nl.yaml: items.nope.text: not in pilot.yaml' },
    { gap: 'a hint the English does not have', edit: (t: any) => (t.items.p_leaders.hint = 'Een hint.'), problem: 'q/pilot.nl.yaml: items.p_leaders.hint: not in pilot.yaml' },
    { gap: 'an option the item does not offer', edit: (t: any) => (t.items.p_role_years.options.middle = 'Midden'), problem: 'q/pilot.nl.yaml: items.p_role_years.options.middle: not in pilot.yaml' },
    { gap: 'guidance for a scale without any', edit: (t: any) => (t.scales.organisational.guidance = 'Uitleg.'), problem: 'q/pilot.nl.yaml: scales.organisational.guidance: not in pilot.yaml' },
    {
      gap: 'another version',
      edit: (t: any) => (t.version = 2),
      problem: 'q/pilot.nl.yaml: version: translates version 2, but q/pilot.yaml is version 1: bring the texts up to date, then set version: 1',
    },
    { gap: 'another questionnaire', edit: (t: any) => (t.questionnaire = 'other'), problem: 'q/pilot.nl.yaml: questionnaire: is "other", but this file translates "pilot" (q/pilot.yaml)' },
    { gap: 'another language than its name', edit: (t: any) => (t.language = 'de'), problem: 'q/pilot.nl.yaml: language: is "de", but the file name says "nl"' },
  ])('names $gap by its path', ({ edit, problem }) => {
    expect(problemsOf(edit)).toEqual([problem])
  })

  it('shortens a long English text in the message', () => {
    const long = PILOT.replace('A short test questionnaire.', 'A short test questionnaire whose introduction goes on for rather longer than most.')
    const problems = translationProblems(
      { file: 'q/pilot.yaml', questionnaire: parseDefinition('q/pilot.yaml', long).questionnaire! },
      { file: FILE, language: 'nl', translation: parseTranslation(FILE, PILOT_NL.replace('introduction: Een korte vragenlijst voor tests.\n', '')).translation! },
    )
    expect(problems).toEqual(['q/pilot.nl.yaml: introduction: missing (the English is "A short test questionnaire whose introduction goes on for r…")'])
  })

  it('reports a text where keys belong, and keys where a text belongs, as the file\'s shape', () => {
    expect(parseTranslation(FILE, PILOT_NL.replace('title: Proef met {intervention}', 'title: [Proef]')).problems).toEqual([
      'q/pilot.nl.yaml: title: Invalid input: expected string, received array',
    ])
    expect(parseTranslation(FILE, `${PILOT_NL}\nnotes: vergeten\n`).problems).toEqual(['q/pilot.nl.yaml: Unrecognized key: "notes"'])
    expect(parseTranslation(FILE, PILOT_NL.replace('    text: Nog iets over {intervention}?', '    text: 12')).problems).toEqual([
      'q/pilot.nl.yaml: items.p_comments.text: must be a text, or keys with texts under them',
    ])
  })
})

describe('translatableProblems', () => {
  it('refuses a definition with translations whose scale ids repeat across levels', () => {
    const twice = PILOT.replace('- { id: training, name: Training', '- { id: organisational, name: Training').replaceAll('[organisational, training]', '[organisational, organisational]')
    const { questionnaire } = parseDefinition('q/pilot.yaml', twice)
    expect(translatableProblems({ file: 'q/pilot.yaml', questionnaire: questionnaire! })).toEqual([
      'q/pilot.yaml: scoring.scales: the scale id "organisational" is used more than once; translations name scales by id, so give each scale an id of its own',
    ])
    expect(translatableProblems(definition)).toEqual([])
  })
})
