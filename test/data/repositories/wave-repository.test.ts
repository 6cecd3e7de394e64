// The wave repository's starts and sends: what the honest time to answer is measured from.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NewResponse } from '../../../server/domain/response.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, 0) + minutes * 60_000).toISOString()

let ls: TestLinkscore
let n = 0
beforeEach(async () => {
  ls = await testLinkscore()
})
afterEach(async () => {
  await ls.close()
})

/** A response started at `start` minutes past 09:00 and, unless `sentAfter` is undefined, sent that many minutes later. */
async function respond(base: Omit<NewResponse, 'resumeToken' | 'at'>, start: number, sentAfter: number | undefined) {
  const response = await ls.repos.responses.create({ ...base, resumeToken: `wave-repo-${n++}`.padEnd(24, 'x'), at: at(start) })
  if (sentAfter !== undefined) await ls.repos.responses.submit(response.id, at(start + sentAfter))
  return response
}

describe('startsAndSends', () => {
  it("gives each wave's sent responses from people: not synthetic ones, unsent ones, ones set aside, or another programme's", async () => {
    const { practice, wave } = await seedProgramme(ls, ['pilot'])
    const base = { practiceId: practice.id, waveId: wave.id, invitationId: null, source: 'open_link' as const, role: null, setting: null }
    await respond(base, 0, 6)
    await respond({ ...base, source: 'invitation' }, 10, 7.5)
    await respond(base, 20, undefined)
    await respond({ ...base, source: 'synthetic' }, 30, 1)
    await respond(base, 60, 2)
    await ls.repos.exclusions.exclude({
      waveId: wave.id,
      practiceId: null,
      startedFrom: at(60),
      startedTo: at(61),
      openLinkOnly: true,
      reason: 'a test burst',
      excludedAt: at(90),
      excludedBy: null,
    })
    const other = await ls.services.admin.addProgramme({ slug: 'other', name: 'Other programme' })
    const otherPractice = await ls.services.admin.addPractice({ programme: 'other', code: 'O1', name: 'Other practice' })
    const otherWave = await ls.services.admin.addWave({ programme: 'other', slug: 'baseline', title: 'Other baseline', questionnaires: ['pilot'], open: true })
    await respond({ ...base, practiceId: otherPractice.id, waveId: otherWave.id }, 0, 3)

    const programme = (await ls.repos.programmes.findBySlug('test'))!
    expect(await ls.repos.waves.startsAndSends(programme.id)).toEqual(
      new Map([
        [
          wave.id,
          [
            { startedAt: at(0), submittedAt: at(6) },
            { startedAt: at(10), submittedAt: at(17.5) },
          ],
        ],
      ]),
    )
    expect(await ls.repos.waves.startsAndSends(other.id)).toEqual(new Map([[otherWave.id, [{ startedAt: at(0), submittedAt: at(3) }]]]))
  })
})
