import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contentHash, translationHash } from '../../server/questionnaires/content-hash.js'
import { loadQuestionnaires, parseDefinition, parseTranslation } from '../../server/questionnaires/load-questionnaires.js'
import { REAL_QUESTIONNAIRES } from '../support/test-linkscore.js'

const PILOT = readFileSync('test/fixtures/questionnaires/pilot.yaml', 'utf8')
const PILOT_NL = readFileSync('test/fixtures/translations/pilot.nl.yaml', 'utf8')
const definition = (source: string) => parseDefinition('pilot.yaml', source).questionnaire!
const translation = (source: string) => parseTranslation('pilot.nl.yaml', source).translation!

describe('contentHash', () => {
  // Computed on main before definitions had languages: databases holding answers to these versions must keep starting.
  it('is unchanged for the shipped definitions now that they declare a Dutch translation', () => {
    const hashes = Object.fromEntries(loadQuestionnaires(REAL_QUESTIONNAIRES).map(({ questionnaire: q }) => [`${q.id} ${q.version}`, contentHash(q)]))
    expect(hashes).toEqual({
      'context 1': 'cf55fea182946c83549bbe0eb931fb95ef43722cbb724d1bdc03e7a38c28992a',
      'good-practice 1': '988d57ef0369884dbae574bdde5b72a590ae5fdf7de730c87938134ea16ad118',
      'normalisation 1': '5963e6b6ff98caf1f625c435c5684a8de7d800a64338030b2b42dd28d0771e70',
    })
  })

  it('leaves out the source language and the translations, and nothing else', () => {
    const plain = contentHash(definition(PILOT))
    expect(contentHash(definition(PILOT.replace('version: 1', 'version: 1\nlanguage: en-GB\ntranslations: [nl, de]')))).toBe(plain)
    expect(contentHash(definition(PILOT.replace('version: 1', 'version: 1\nlanguage: nl')))).toBe(plain)
    expect(contentHash(definition(PILOT.replace('Leaders here make time', 'Leaders here find time')))).not.toBe(plain)
  })
})

describe('translationHash', () => {
  const hash = translationHash(translation(PILOT_NL))

  it('changes with the wording and with the revision', () => {
    expect(translationHash(translation(PILOT_NL.replace('De leiding maakt hier tijd', 'De leiding neemt hier tijd')))).not.toBe(hash)
    expect(translationHash(translation(PILOT_NL.replace('revision: 1', 'revision: 2')))).not.toBe(hash)
  })

  it('ignores comments, layout and key order', () => {
    const reordered = PILOT_NL.replace('levels: { dimension: Dimensie, element: Onderdeel }', '# levels\nlevels:\n  element: Onderdeel\n  dimension: Dimensie')
    expect(reordered).not.toBe(PILOT_NL)
    expect(translationHash(translation(reordered))).toBe(hash)
  })
})
