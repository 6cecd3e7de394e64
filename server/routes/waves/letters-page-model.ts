// Printable letters for a wave's personal invitations and posters for its open links: one A4 page each. Their words
// are in the programme's default language (its respondents'), the page around them in the reader's.
import { defaultLanguage, interventionIn, type Programme } from '../../domain/programme.js'
import type { InvitationListing } from '../../domain/invitation.js'
import type { Practice } from '../../domain/practice.js'
import type { Wave } from '../../domain/wave.js'
import { translator, type Translate } from '../../i18n/translate.js'
import { formatShortCode } from '../../survey/short-codes.js'
import { wavesPath } from '../paths.js'
import { qrSvg } from './qr-svg.js'

export const lettersPath = (programme: string, wave: string) => `${wavesPath(programme)}/${wave}/letters`
export const postersPath = (programme: string, wave: string) => `${wavesPath(programme)}/${wave}/posters`

/** What every letter and poster of the programme says, in its respondents' language. */
function study(programme: Programme) {
  const language = defaultLanguage(programme)
  return { language, t: translator(language), intervention: interventionIn(programme, language), runBy: programme.organisation ?? programme.name }
}

export async function lettersPageModel(programme: Programme, wave: Wave, invitations: readonly InvitationListing[], baseUrl: string, t: Translate) {
  const s = study(programme)
  const letters = []
  for (const i of invitations) {
    const link = `${baseUrl}/s/${i.token}`
    letters.push({
      practiceName: i.practiceName,
      link,
      code: i.shortCode ? formatShortCode(i.shortCode) : '',
      qr: await qrSvg(link, s.t('study:letters.qrLabel')),
    })
  }
  return {
    title: t('study:letters.title', { wave: wave.title }),
    backHref: `${wavesPath(programme.slug)}#wave-${wave.slug}`,
    stylesheets: ['/static/css/letters.css'],
    letterLanguage: s.language,
    letterT: s.t,
    intervention: s.intervention,
    runBy: s.runBy,
    minimum: programme.minPracticeN,
    waveTitle: wave.title,
    codePage: `${baseUrl}/code`,
    letters,
  }
}

export async function postersPageModel(programme: Programme, wave: Wave, practices: readonly Practice[], baseUrl: string, t: Translate) {
  const s = study(programme)
  const posters = []
  for (const practice of practices) {
    const link = `${baseUrl}/p/${practice.code}/${wave.slug}`
    posters.push({ practiceName: practice.name, link, qr: await qrSvg(link, s.t('study:letters.qrLabel')) })
  }
  return {
    title: t('study:posters.title', { wave: wave.title }),
    backHref: `${wavesPath(programme.slug)}#wave-${wave.slug}`,
    stylesheets: ['/static/css/letters.css'],
    letterLanguage: s.language,
    letterT: s.t,
    intervention: s.intervention,
    runBy: s.runBy,
    minimum: programme.minPracticeN,
    waveTitle: wave.title,
    posters,
  }
}
