import { describe, expect, it } from 'vitest'
import { formats } from '../../server/i18n/format.js'
import { languageFromTag } from '../../server/i18n/languages.js'
import { english, inLanguage, isMessageKey, say, sentenceStart, translateHtml, translator } from '../../server/i18n/translate.js'

describe('messages', () => {
  it('are put in words in each language, with plural forms chosen by count', () => {
    expect(say(english, { key: 'errors:tooManySignIns.message', values: { count: 1 } })).toBe(
      'There have been too many failed attempts to sign in. Wait 1 minute before trying again.',
    )
    expect(say(translator('nl'), { key: 'errors:tooManySignIns.message', values: { count: 5 } })).toBe(
      'Er is te vaak zonder succes geprobeerd in te loggen. Wacht 5 minuten voordat u het opnieuw probeert.',
    )
  })

  it('join lists the way each language does', () => {
    const message = { key: 'errors:mixedVersions.message', values: { wave: 'b', questionnaire: 'q', versions: ['1', '2'] } } as const
    expect(say(english, message)).toContain('versions 1 and 2 of "q"')
    expect(say(translator('nl'), message)).toContain('de versies 1 en 2 van "q"')
  })

  it('capitalise who runs a study where a sentence starts with it, in either language and inside the span marking its language', () => {
    const values = { runBy: 'the University of Somewhere' }
    expect(say(english, { key: 'survey:study.retentionUnknownNoContact', values })).toMatch(/^The University of Somewhere decides how long/)
    expect(say(translator('nl'), { key: 'survey:study.retentionUnknownNoContact', values: { runBy: 'de Hogeschool' } })).toMatch(/^De Hogeschool bepaalt/)
    const marked = translateHtml(translator('nl'))('survey:study.retentionUnknownNoContact', { runBy: inLanguage('nl', 'the University', 'en-GB') })
    expect(marked).toMatch(/^<span lang="en-GB">The University<\/span> bepaalt/)
    expect(sentenceStart("'s-Hertogenbosch")).toBe("'s-Hertogenbosch")
    expect(sentenceStart('éen', 'nl')).toBe('Éen')
  })

  it('know their own keys', () => {
    expect(isMessageKey('errors:notFound.title')).toBe(true)
    expect(isMessageKey('errors:no.such.key')).toBe(false)
    expect(isMessageKey('Enter your name')).toBe(false)
  })

  it('escape the values put into a message that holds markup, not the message', () => {
    const tHtml = translateHtml(english)
    expect(tHtml('errors:archived.message', { programme: '<b>A&B</b>' })).toMatch(/^&#60;b&#62;A&#38;B&#60;\/b&#62; is archived/)
  })
})

describe('formats', () => {
  it('write numbers, shares and dates as each language does', () => {
    const [en, nl] = [formats('en-GB'), formats('nl')]
    expect([en.number(1234.5), nl.number(1234.5)]).toEqual(['1,234.5', '1.234,5'])
    expect([en.number(12.345, 1), nl.number(12.345, 1)]).toEqual(['12.3', '12,3'])
    expect([en.percent(0.425), nl.percent(0.425, 1)]).toEqual(['43%', '42,5%'])
    expect([en.date('2026-07-01'), nl.date('2026-07-01')]).toEqual(['1 July 2026', '1 juli 2026'])
    expect([en.dateTime('2026-07-01T09:00:00Z'), nl.dateTime('2026-07-01T09:00:00Z')]).toEqual(['1 July 2026 at 10:00', '1 juli 2026 om 10:00'])
    expect(nl.list(['a', 'b', 'c'])).toBe('a, b en c')
  })
})

describe('language tags', () => {
  it('read the ways people and browsers write them', () => {
    expect(['nl', 'nl-NL', 'NL-be', 'en', 'en-US', 'en-GB', 'fr', '', undefined].map(languageFromTag)).toEqual([
      'nl',
      'nl',
      'nl',
      'en-GB',
      'en-GB',
      'en-GB',
      undefined,
      undefined,
      undefined,
    ])
  })
})
