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
  // Version 1 was computed on main before definitions had languages; version 2 (no "Not relevant to {intervention}" on
  // statements about it) is pinned in the same way, so that databases holding answers to it keep starting.
  it('is unchanged for the shipped definitions', () => {
    const hashes = Object.fromEntries(loadQuestionnaires(REAL_QUESTIONNAIRES).map(({ questionnaire: q }) => [`${q.id} ${q.version}`, contentHash(q)]))
    expect(hashes).toEqual({
      'context 2': '4c00d82a15e72e34a8d576cc7399d120067af6e2cbe747238fb27c57e92cdda1',
      'good-practice 2': '072a70450ef47a7c7c2f44eccfdf1c37bd3cc79019ed13ca49d2332b3e4dcc89',
      'normalisation 2': '7133b8ddc500e91e5d9ffae7708da068fea3091c0ec9fed8c96caef673bcb596',
    })
  })

  it('leaves out the source language and the translations, and nothing else', () => {
    const plain = contentHash(definition(PILOT))
    expect(contentHash(definition(PILOT.replace('version: 1', 'version: 1\nlanguage: en-GB\ntranslations: [nl, de]')))).toBe(plain)
    expect(contentHash(definition(PILOT.replace('version: 1', 'version: 1\nlanguage: nl')))).toBe(plain)
    expect(contentHash(definition(PILOT.replace('Leaders here make time', 'Leaders here find time')))).not.toBe(plain)
  })

  // Respondents never read a plain name: giving a scale one is no new version, so answers given stay under theirs.
  it('leaves out the reports\' plain names of scales', () => {
    const plain = contentHash(definition(PILOT))
    const named = PILOT.replace('name: Leadership,', 'name: Leadership, plainName: Someone leading it,')
    expect(definition(named).scoring!.scales[0]!.children![0]!.plainName).toBe('Someone leading it')
    expect(contentHash(definition(named))).toBe(plain)
    expect(contentHash(definition(PILOT.replace('name: Leadership,', 'name: Leaders,')))).not.toBe(plain)
  })
})

describe('translationHash', () => {
  const hash = translationHash(translation(PILOT_NL))

  it('changes with the wording and with the revision', () => {
    expect(translationHash(translation(PILOT_NL.replace('De leiding maakt hier tijd', 'De leiding neemt hier tijd')))).not.toBe(hash)
    expect(translationHash(translation(PILOT_NL.replace('revision: 1', 'revision: 2')))).not.toBe(hash)
  })

  it('leaves out the plain names of scales', () => {
    const named = PILOT_NL.replace('leadership: { name: Leiding,', 'leadership: { name: Leiding, plainName: Iemand die leiding geeft,')
    expect(named).not.toBe(PILOT_NL)
    expect(translationHash(translation(named))).toBe(hash)
  })

  it('ignores comments, layout and key order', () => {
    const reordered = PILOT_NL.replace('levels: { dimension: Dimensie, element: Onderdeel }', '# levels\nlevels:\n  element: Onderdeel\n  dimension: Dimensie')
    expect(reordered).not.toBe(PILOT_NL)
    expect(translationHash(translation(reordered))).toBe(hash)
  })
})
