import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../../server/questionnaires/content-hash.js'
import { loadQuestionnaires, parseDefinition, parseTranslation } from '../../server/questionnaires/load-questionnaires.js'
import { localiseQuestionnaire } from '../../server/questionnaires/localise-questionnaire.js'
import { allItems } from '../../server/questionnaires/questionnaire-model.js'
import { questionnaireTexts, withQuestionnaireTexts } from '../../server/questionnaires/questionnaire-texts.js'
import { REAL_QUESTIONNAIRES } from '../support/test-linkscore.js'

const PILOT_NL = readFileSync('test/fixtures/translations/pilot.nl.yaml', 'utf8')
const pilot = parseDefinition('pilot.yaml', readFileSync('test/fixtures/questionnaires/pilot.yaml', 'utf8')).questionnaire!
const dutch = parseTranslation('pilot.nl.yaml', PILOT_NL).translation!

describe('localiseQuestionnaire', () => {
  const nl = localiseQuestionnaire(pilot, dutch)

  it('puts the translation in every person-facing field', () => {
    expect(nl.title).toBe('Proef met {intervention}')
    expect(nl.scoring!.levels.map((l) => l.name)).toEqual(['Dimensie', 'Onderdeel'])
    expect(nl.scoring!.scales[0]).toMatchObject({ name: 'Organisatie', children: [{ name: 'Leiding', guidance: 'De leiding maakt er tijd voor.' }, { name: 'Scholing' }] })
    expect(nl.scoring!.bands).toEqual([
      { label: 'Voorbeeldig', min: 75 },
      { label: 'Zwak', min: 0 },
    ])
    expect(nl.sections.map((s) => s.title)).toEqual(['Uw werk', 'Scholing'])
    const [roleYears, , confidence] = allItems(nl)
    expect(roleYears).toMatchObject({ text: 'Hoe lang werkt u al in uw functie?', options: [{ code: 'short', label: 'Korter dan een jaar' }, { code: 'long', label: 'Een jaar of langer' }] })
    expect(confidence).toMatchObject({ labels: { min: 'Helemaal niet', max: 'Volkomen' } })
  })

  it('keeps ids, codes, settings and scoring, so answers and scores do not depend on the language', () => {
    expect(nl.language).toBe('nl')
    const backInEnglish = withQuestionnaireTexts(nl, (path) => questionnaireTexts(pilot).get(path)!)
    expect({ ...backInEnglish, language: 'en-GB' }).toEqual(pilot)
    expect(contentHash(nl)).not.toBe(contentHash(pilot))
    expect(contentHash({ ...backInEnglish, language: 'en-GB' })).toBe(contentHash(pilot))
  })

  it('leaves a text the translation lacks in the source language', () => {
    const partial = parseTranslation('pilot.nl.yaml', PILOT_NL.replace('title: Proef met {intervention}\n', '')).translation!
    expect(localiseQuestionnaire(pilot, partial).title).toBe('Pilot of {intervention}')
  })
})

// Names a Dutch reader would write the same way; anything else left in English is a text someone forgot to translate.
const SAME_IN_DUTCH = new Set(['Construct', 'Element'])

describe('the shipped Dutch translations', () => {
  const loaded = loadQuestionnaires(REAL_QUESTIONNAIRES)

  it.each(loaded.map(({ questionnaire, translations }) => ({ id: questionnaire.id, questionnaire, translations })))(
    '$id: every text differs from the English, but the names that are the same in both',
    ({ questionnaire, translations }) => {
      expect(translations.map((t) => t.translation.language)).toEqual(['nl'])
      const english = questionnaireTexts(questionnaire)
      const dutchTexts = questionnaireTexts(localiseQuestionnaire(questionnaire, translations[0]!.translation))
      expect([...dutchTexts.keys()]).toEqual([...english.keys()])
      const untranslated = [...english].filter(([path, text]) => dutchTexts.get(path) === text && !SAME_IN_DUTCH.has(text))
      expect(untranslated).toEqual([])
    },
  )
})
