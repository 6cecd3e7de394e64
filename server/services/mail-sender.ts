// Sends e-mail through the SMTP server of LINKSCORE_SMTP_URL (nodemailer), one message at a time.
import type { Transporter } from 'nodemailer'
import type { SmtpSettings } from '../config.js'

export interface MailMessage {
  to: string
  subject: string
  text: string
}

export interface MailSender {
  /** Resolves when the SMTP server has accepted the message; rejects when it refuses it or cannot be reached. */
  send(message: MailMessage): Promise<void>
}

export function createMailSender(smtp: SmtpSettings): MailSender {
  // A connection for each message, not a pool: nothing is left open between batches, and a batch is at most 500.
  // nodemailer is loaded at the first message, not at start-up: a fifth of the server's code, for a page used rarely.
  let transport: Promise<Transporter> | undefined
  return {
    async send(message) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtp.url))
      await (await transport).sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text })
    },
  }
}
