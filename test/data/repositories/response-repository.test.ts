import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NewResponse } from '../../../server/domain/response.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

const AT = '2026-03-02T09:00:00.000Z'

let ls: TestLinkscore
let base: Omit<NewResponse, 'invitationId' | 'resumeToken'>
beforeEach(async () => {
  ls = await testLinkscore()
  const { practice, wave } = await seedProgramme(ls, ['pilot'])
  base = { practiceId: practice.id, waveId: wave.id, source: 'invitation', role: null, setting: null, at: AT }
})
afterEach(async () => {
  await ls.close()
})

const token = (n: number) => `response-test-${n}`.padEnd(24, 'x')

async function invitation(): Promise<number> {
  const [path] = await ls.services.admin.createInvitations({ wave: 'baseline', practice: 'P001', count: 1 })
  return (await ls.repos.invitations.findByToken(path!.slice(3)))!.id
}

describe('starting a response', () => {
  it('gives two requests that start one invitation at once the same response, stored once', async () => {
    const invitationId = await invitation()
    const [a, b] = await Promise.all([
      ls.repos.responses.create({ ...base, invitationId, resumeToken: token(1) }),
      ls.repos.responses.create({ ...base, invitationId, resumeToken: token(2) }),
    ])
    expect(b).toEqual(a)
    expect(a).toMatchObject({ invitationId, status: 'in_progress' })
    const rows = await ls.db.selectFrom('response').select(['id', 'resume_token']).where('invitation_id', '=', invitationId).orderBy('id').execute()
    expect(rows).toEqual([{ id: a!.id, resume_token: a!.resumeToken }])
    expect(await ls.repos.responses.findByInvitation(invitationId)).toEqual(a)
  })

  it('starts any number of responses without an invitation', async () => {
    const [a, b] = await Promise.all([1, 2].map((n) => ls.repos.responses.create({ ...base, invitationId: null, source: 'open_link', resumeToken: token(n) })))
    expect(a!.id).not.toBe(b!.id)
    expect(await ls.repos.responses.findByResumeToken(token(2))).toEqual(b)
  })
})

describe('the answers of a response', () => {
  it('come back in the order they were saved', async () => {
    const { id } = await ls.repos.responses.create({ ...base, invitationId: null, source: 'open_link', resumeToken: token(1) })
    const save = (pageKey: string, answers: [string, string][]) =>
      ls.repos.responses.savePage({
        responseId: id,
        pageKey,
        questionnaireId: 'pilot',
        questionnaireVersion: 1,
        itemIds: [...new Set(answers.map(([itemId]) => itemId))],
        answers: answers.map(([itemId, value]) => ({ itemId, value })),
        complete: true,
        at: AT,
      })
    // Neither in item nor in value order, so only the order of saving explains the order read.
    await save('pilot/second-page', [
      ['p_training_lacking', '2'],
      ['p_channels', 'link_worker'],
      ['p_channels', 'colleagues'],
    ])
    await save('pilot/first-page', [
      ['p_role_years', 'short'],
      ['p_leaders', '4'],
    ])
    const answers = async () => (await ls.repos.responses.answers(id)).map((a) => `${a.questionnaireId}/${a.itemId}=${a.value}`)
    expect(await answers()).toEqual([
      'pilot/p_training_lacking=2',
      'pilot/p_channels=link_worker',
      'pilot/p_channels=colleagues',
      'pilot/p_role_years=short',
      'pilot/p_leaders=4',
    ])
    // Saving a page again replaces its answers, which are then the latest saved.
    await save('pilot/second-page', [
      ['p_channels', 'directory'],
      ['p_training_lacking', '5'],
    ])
    expect(await answers()).toEqual(['pilot/p_role_years=short', 'pilot/p_leaders=4', 'pilot/p_channels=directory', 'pilot/p_training_lacking=5'])
    expect(await ls.repos.responses.savedPages(id)).toEqual(new Set(['pilot/first-page', 'pilot/second-page']))
  })
})
