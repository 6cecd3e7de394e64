import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
const AT = '2026-03-01T09:00:00.000Z'
let ids: { programme: number; practice: number; other: number; wave: number; empty: number }

async function respond(
  practiceId: number,
  opts: { role: string; setting: 'general_practice' | 'link_worker' | 'community'; invitation?: string | null; comment?: string; submit?: boolean },
) {
  let invitationId: number | null = null
  if (opts.invitation !== undefined) {
    const [path] = await ls.services.admin.createInvitations({
      wave: 'w1',
      practice: practiceId === ids.practice ? 'P1' : 'P2',
      count: 1,
      ...(opts.invitation ? { role: opts.invitation } : {}),
    })
    invitationId = (await ls.repos.invitations.findByToken(path!.slice(3)))!.id
  }
  const r = await ls.repos.responses.create({
    invitationId,
    practiceId,
    waveId: ids.wave,
    resumeToken: `t${Math.random()}`.padEnd(24, 'x'),
    source: invitationId ? 'invitation' : 'open_link',
    role: opts.role,
    setting: opts.setting,
    at: AT,
  })
  if (opts.comment)
    await ls.repos.responses.savePage({
      responseId: r.id,
      pageKey: 'p',
      questionnaireId: 'pilot',
      questionnaireVersion: 1,
      itemIds: ['p_comments'],
      answers: [{ itemId: 'p_comments', value: opts.comment }],
      complete: true,
      at: AT,
    })
  if (opts.submit !== false) await ls.repos.responses.submit(r.id, AT)
}

beforeEach(async () => {
  ls = await testLinkscore()
  const admin = ls.services.admin
  const programme = await admin.addProgramme({ slug: 'north', name: 'North' })
  const p1 = await admin.addPractice({ programme: 'north', code: 'P1', name: 'One' })
  const p2 = await admin.addPractice({ programme: 'north', code: 'P2', name: 'Two' })
  const w1 = await admin.addWave({ programme: 'north', slug: 'w1', title: 'W1', questionnaires: ['pilot'], open: true })
  const w2 = await admin.addWave({ programme: 'north', slug: 'w2', title: 'W2', questionnaires: ['pilot'] })
  ids = { programme: programme.id, practice: p1.id, other: p2.id, wave: w1.id, empty: w2.id }
})
afterEach(async () => {
  await ls.close()
})

describe('reportRepository', () => {
  it('counts submitted responses by setting and how they came, and invitations by preset role', async () => {
    await respond(ids.practice, { role: 'gp', setting: 'general_practice', invitation: 'gp' })
    await respond(ids.practice, { role: 'gp', setting: 'general_practice', invitation: 'gp' })
    await respond(ids.practice, { role: 'practice_nurse', setting: 'general_practice', invitation: null })
    await respond(ids.practice, { role: 'link_worker', setting: 'link_worker' })
    await respond(ids.practice, { role: 'gp', setting: 'general_practice', submit: false })
    await respond(ids.other, { role: 'gp', setting: 'general_practice' })
    await ls.services.admin.createInvitations({ wave: 'w1', practice: 'P1', count: 3 })
    expect(await ls.repos.reports.submittedCounts(ids.wave, ids.practice)).toEqual([
      { setting: 'general_practice', presetRole: null, viaInvitation: true, n: 1 },
      { setting: 'general_practice', presetRole: 'gp', viaInvitation: true, n: 2 },
      { setting: 'link_worker', presetRole: null, viaInvitation: false, n: 1 },
    ])
    expect(await ls.repos.reports.invitationCounts(ids.wave, ids.practice)).toEqual([
      { presetRole: null, n: 4 },
      { presetRole: 'gp', n: 2 },
    ])
    expect(await ls.repos.reports.submittedByWave(ids.programme)).toEqual(
      new Map([
        [ids.wave, 5],
        [ids.empty, 0],
      ]),
    )
  })

  it('reads the free text of submitted responses only, sorted by the text', async () => {
    await respond(ids.practice, { role: 'gp', setting: 'general_practice', comment: 'Zebra crossing' })
    await respond(ids.practice, { role: 'gp', setting: 'general_practice', comment: 'Apples' })
    await respond(ids.practice, { role: 'gp', setting: 'general_practice', comment: 'Not submitted', submit: false })
    await respond(ids.other, { role: 'gp', setting: 'general_practice', comment: 'Another practice' })
    expect(await ls.repos.reports.textAnswers(ids.wave, ids.practice, 'pilot', ['p_comments'])).toEqual([
      { responseId: 2, itemId: 'p_comments', value: 'Apples', language: 'en-GB', hidden: false },
      { responseId: 1, itemId: 'p_comments', value: 'Zebra crossing', language: 'en-GB', hidden: false },
    ])
    expect(await ls.repos.reports.textAnswers(ids.wave, ids.practice, 'pilot', ['p_leaders'])).toEqual([])
  })

  it('marks a hidden answer, hides and shows each once, and knows an answer only in its own practice and wave', async () => {
    await respond(ids.practice, { role: 'gp', setting: 'general_practice', comment: 'Zebra crossing' })
    await respond(ids.practice, { role: 'gp', setting: 'general_practice', comment: 'Apples' })
    await respond(ids.practice, { role: 'gp', setting: 'general_practice', comment: 'Not submitted', submit: false })
    const key = { responseId: 1, questionnaireId: 'pilot', itemId: 'p_comments' }
    expect(await ls.repos.reports.hasTextAnswer(ids.wave, ids.practice, key)).toBe(true)
    expect(await ls.repos.reports.hasTextAnswer(ids.wave, ids.other, key)).toBe(false)
    expect(await ls.repos.reports.hasTextAnswer(ids.wave, ids.practice, { ...key, responseId: 3 })).toBe(false)
    expect(await ls.repos.reports.hideTextAnswer(key, '2026-03-01T10:00:00.000Z', null)).toBe(true)
    expect(await ls.repos.reports.hideTextAnswer(key, '2026-03-01T10:01:00.000Z', null)).toBe(false)
    expect((await ls.repos.reports.textAnswers(ids.wave, ids.practice, 'pilot', ['p_comments'])).map((a) => [a.value, a.hidden])).toEqual([
      ['Apples', false],
      ['Zebra crossing', true],
    ])
    expect(await ls.repos.reports.showTextAnswer(key)).toBe(true)
    expect(await ls.repos.reports.showTextAnswer(key)).toBe(false)
  })
})
