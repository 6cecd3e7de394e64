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

/** What the letters' and posters' page has around them, and what each of them says, in its respondents' language. */
function printedPage(programme: Programme, wave: Wave, title: string) {
  const language = defaultLanguage(programme)
  return {
    title,
    backHref: `${wavesPath(programme.slug)}#wave-${wave.slug}`,
    stylesheets: ['/static/css/letters.css'],
    letterLanguage: language,
    letterT: translator(language),
    intervention: interventionIn(programme, language),
    runBy: programme.organisation ?? programme.name,
    minimum: programme.minPracticeN,
    waveTitle: wave.title,
  }
}

export async function lettersPageModel(programme: Programme, wave: Wave, invitations: readonly InvitationListing[], baseUrl: string, t: Translate) {
  const page = printedPage(programme, wave, t('study:letters.title', { wave: wave.title }))
  const letters = []
  for (const i of invitations) {
    const link = `${baseUrl}/s/${i.token}`
    letters.push({
      practiceName: i.practiceName,
      link,
      code: i.shortCode ? formatShortCode(i.shortCode) : '',
      qr: await qrSvg(link, page.letterT('study:letters.qrLabel')),
    })
  }
  return { ...page, codePage: `${baseUrl}/code`, letters }
}

export async function postersPageModel(programme: Programme, wave: Wave, practices: readonly Practice[], baseUrl: string, t: Translate) {
  const page = printedPage(programme, wave, t('study:posters.title', { wave: wave.title }))
  const posters = []
  for (const practice of practices) {
    const link = `${baseUrl}/p/${practice.code}/${wave.slug}`
    posters.push({ practiceName: practice.name, link, qr: await qrSvg(link, page.letterT('study:letters.qrLabel')) })
  }
  return { ...page, posters }
}
