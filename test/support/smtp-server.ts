// A real SMTP server for tests (the smtp-server package) on a free loopback port: it keeps every message it accepts,
// parsed (mailparser), and refuses the recipients it is told to, as a mail server refuses an unknown mailbox.
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import type { SmtpSettings } from '../../server/config.js'

export interface ReceivedMail {
  to: string
  /** The From header's address. */
  from: string
  subject: string
  text: string
}

export interface TestSmtpServer {
  /** For the Linkscore under test: LINKSCORE_SMTP_URL and LINKSCORE_MAIL_FROM as read from the environment. */
  settings: SmtpSettings
  received: ReceivedMail[]
  /** Recipients the server answers "550 no such mailbox". */
  refuse: Set<string>
  stop(): Promise<void>
}

export const TEST_MAIL_FROM = 'North PCN survey <surveys@north.example.org>'

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = []
  const refuse = new Set<string>()
  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to make, and nodemailer then has no STARTTLS to try.
    hideSTARTTLS: true,
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }))
      callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const rcpt of session.envelope.rcptTo)
            received.push({ to: rcpt.address, from: mail.from?.value[0]?.address ?? '', subject: mail.subject ?? '', text: mail.text ?? '' })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    settings: { url: `smtp://127.0.0.1:${port}`, from: TEST_MAIL_FROM },
    received,
    refuse,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
