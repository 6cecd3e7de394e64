import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDefinition } from '../../server/questionnaires/load-questionnaires.js'
import { duplicateScaleIds, questionnaireTexts, withQuestionnaireTexts } from '../../server/questionnaires/questionnaire-texts.js'

const PILOT = readFileSync('test/fixtures/questionnaires/pilot.yaml', 'utf8')
const pilot = parseDefinition('pilot.yaml', PILOT).questionnaire!

describe('questionnaireTexts', () => {
  it('lists every text a person reads by the path a translation gives it, each item type naming its own', () => {
    expect([...questionnaireTexts(pilot)]).toEqual([
      ['title', 'Pilot of {intervention}'],
      ['introduction', 'A short test questionnaire.'],
      ['levels.dimension', 'Dimension'],
      ['levels.element', 'Element'],
      ['scales.organisational.name', 'Organisational'],
      ['scales.leadership.name', 'Leadership'],
      ['scales.leadership.guidance', 'Leaders make time for it.'],
      ['scales.training.name', 'Training'],
      ['scales.training.guidance', 'Staff are trained.'],
      ['bands.75', 'Best practice'],
      ['bands.0', 'Poor practice'],
      ['sections.first-page.title', 'Your work'],
      ['items.p_role_years.text', 'How long have you been in your role?'],
      ['items.p_role_years.options.short', 'Under a year'],
      ['items.p_role_years.options.long', 'A year or more'],
      ['items.p_leaders.text', 'Leaders here make time for {intervention}.'],
      ['items.p_confidence.text', 'How confident are you about {intervention}?'],
      ['items.p_confidence.labels.min', 'Not at all'],
      ['items.p_confidence.labels.max', 'Completely'],
      ['sections.second-page.title', 'Training'],
      ['items.p_training_gp.text', 'I have had training in how to refer.'],
      ['items.p_training_lw.text', 'I get regular supervision.'],
      ['items.p_training_lacking.text', 'Training on {intervention} is missing here.'],
      ['items.p_channels.text', 'How do you hear about local services?'],
      ['items.p_channels.options.colleagues', 'From colleagues'],
      ['items.p_channels.options.directory', 'From a directory'],
      ['items.p_channels.options.link_worker', 'From the link worker'],
      ['items.p_comments.text', 'Anything else about {intervention}?'],
    ])
  })
})

describe('withQuestionnaireTexts', () => {
  it('replaces exactly those texts, and leaves ids, codes, settings and scoring as they were', () => {
    const shouted = withQuestionnaireTexts(pilot, (_path, text) => text.toUpperCase())
    expect([...questionnaireTexts(shouted).values()]).toEqual([...questionnaireTexts(pilot).values()].map((text) => text.toUpperCase()))
    expect(withQuestionnaireTexts(shouted, (path) => questionnaireTexts(pilot).get(path)!)).toEqual(pilot)
  })

  it('asks for each text once, by its own path', () => {
    const paths: string[] = []
    withQuestionnaireTexts(pilot, (path, text) => {
      paths.push(path)
      return text
    })
    expect(paths.sort()).toEqual([...questionnaireTexts(pilot).keys()].sort())
  })
})

describe('duplicateScaleIds', () => {
  it('finds a scale id used at two places in the tree, which translations could not tell apart', () => {
    expect(duplicateScaleIds(pilot)).toEqual([])
    const twice = parseDefinition('x.yaml', PILOT.replace('- { id: training, name: Training', '- { id: organisational, name: Training').replaceAll('[organisational, training]', '[organisational, organisational]'))
    expect(twice.problems).toEqual([])
    expect(duplicateScaleIds(twice.questionnaire!)).toEqual(['organisational'])
  })
})
