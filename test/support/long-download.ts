// A download far larger than the loopback socket buffers of both ends hold, so that a client that stops reading makes
// the server wait for it; and a raw HTTP client that can stop reading and start again.
import { request, type IncomingMessage } from 'node:http'
import type { Linkscore } from '../../server/boot.js'
import { seedProgramme } from './test-linkscore.js'

const ANSWERS = 2000
const ANSWER_TEXT = 'x'.repeat(20_000)
/** Fewer bytes than the whole file (which has the other columns and the header too). */
export const LONG_DOWNLOAD_BYTES = ANSWERS * ANSWER_TEXT.length
export const LONG_DOWNLOAD_PATH = '/programmes/test/exports/answers.csv?wave=baseline'

/** Programme "test" with one submitted response of long free-text answers (the pilot questionnaire of the fixtures). */
export async function seedLongDownload(ls: Linkscore): Promise<void> {
  const { practice, wave } = await seedProgramme(ls, ['pilot'])
  const at = '2026-12-02T00:00:00.000Z'
  const response = await ls.repos.responses.create({
    invitationId: null,
    practiceId: practice.id,
    waveId: wave.id,
    resumeToken: 'long-download'.padEnd(24, 'x'),
    source: 'synthetic',
    role: 'gp',
    setting: 'general_practice',
    at,
  })
  await ls.repos.responses.submit(response.id, at)
  for (let first = 0; first < ANSWERS; first += 100) {
    const values = Array.from({ length: 100 }, (_, i) => ({
      response_id: response.id,
      questionnaire_id: 'pilot',
      questionnaire_version: 1,
      item_id: `free_text_${first + i}`,
      value: ANSWER_TEXT,
    }))
    await ls.database.db.insertInto('answer').values(values).execute()
  }
}

/** Opens a download on a connection of its own and reads nothing after the headers, until `readRest`. */
export function openPausedDownload(url: string, cookie: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { cookie }, agent: false }, (res) => {
      res.pause()
      resolve(res)
    })
    req.once('error', reject)
    req.end()
  })
}

/** Reads what is left of the body: whether it came to its end, and how many bytes there were. */
export function readRest(res: IncomingMessage): Promise<{ complete: boolean; bytes: number }> {
  return new Promise((resolve) => {
    let bytes = 0
    res.on('data', (chunk: Buffer) => (bytes += chunk.length))
    res.once('close', () => resolve({ complete: res.complete, bytes }))
    res.resume()
  })
}
