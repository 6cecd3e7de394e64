// The words of an e-mailed invitation and its reminder, in the programme's default language.
import { defaultLanguage, interventionIn, type Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { translator } from '../i18n/translate.js'
import { formatShortCode } from '../survey/short-codes.js'
import type { MailMessage } from './mail-sender.js'

export interface InvitationLink {
  token: string
  shortCode: string | null
}

export function invitationEmail(
  programme: Programme,
  wave: Wave,
  invitation: InvitationLink,
  { baseUrl, reminder }: { baseUrl: string; reminder: boolean },
): Omit<MailMessage, 'to'> {
  const language = defaultLanguage(programme)
  const t = translator(language)
  const values = {
    study: programme.name,
    runBy: programme.organisation ?? programme.name,
    intervention: interventionIn(programme, language),
    wave: wave.title,
    link: `${baseUrl}/s/${invitation.token}`,
    codeLink: `${baseUrl}/code`,
    code: invitation.shortCode ? formatShortCode(invitation.shortCode) : '',
    contact: programme.contact ?? '',
  }
  const paragraphs = [
    t(reminder ? 'survey:email.reminderOpening' : 'survey:email.opening', values),
    t('survey:email.link', values),
    ...(invitation.shortCode ? [t('survey:email.code', values)] : []),
    t('survey:email.personal'),
    t('survey:email.privacy'),
    ...(programme.contact ? [t('survey:email.contact', values)] : []),
    t('survey:email.signOff', values),
  ]
  // Each paragraph starts a sentence, and the organisation is written to fit inside one ("the Linkscore demonstration").
  const sentence = (text: string) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1)
  return { subject: t(reminder ? 'survey:email.reminderSubject' : 'survey:email.subject', values), text: `${paragraphs.map(sentence).join('\n\n')}\n` }
}
