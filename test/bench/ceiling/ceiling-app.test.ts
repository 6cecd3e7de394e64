// A smoke test of the page benchmark's two sides (npm run bench:pages): the respondent it walks in reaches the large
// section page, whose form it fills in validly, and the ceiling app serves a page of the same size and takes that form.
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createCeilingApp, questionsFor } from '../../../bench/ceiling/ceiling-app.js'
import { respondentSection, type SectionRequest } from '../../../bench/respondent-section.js'
import { listen, REAL_QUESTIONNAIRES, seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let linkscore: Awaited<ReturnType<typeof listen>>
let section: SectionRequest
beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES, production: true })
  await seedProgramme(ls, ['context', 'normalisation', 'good-practice'])
  linkscore = await listen(ls.app)
  section = await respondentSection(linkscore.url, '/p/P001/baseline')
})
afterAll(async () => {
  await linkscore.stop()
  await ls.close()
})

const postForm = (url: string, body: string, cookie = '') =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body })

it('walks a link worker to the largest section page, and its filled-in form saves it', async () => {
  expect(section.url).toMatch(/^\/r\/[\w-]+\/good-practice\/working-with-others$/)
  expect(section.pageBytes).toBeGreaterThan(25_000)
  const saved = await postForm(`${linkscore.url}${section.url}`, section.body, section.cookie)
  // On to the first page not yet saved: the survey's first, since the walk went straight to this one.
  expect([saved.status, saved.headers.get('location')]).toEqual([303, section.url.replace(/good-practice\/working-with-others$/, 'context/your-involvement')])
})

it('serves a ceiling page within 3% of the size of that page, and takes the same form with a 303', async () => {
  const server = createCeilingApp({ questions: questionsFor(section.pageBytes) }).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const page = await fetch(`${base}/section`)
    const bytes = Buffer.byteLength(await page.text())
    expect(page.status).toBe(200)
    expect(Math.abs(bytes - section.pageBytes) / section.pageBytes).toBeLessThan(0.03)
    expect((await postForm(`${base}/section`, section.body)).status).toBe(303)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
})
