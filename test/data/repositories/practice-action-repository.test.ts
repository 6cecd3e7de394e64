import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addStaff } from '../../support/staff-users.js'
import { seedProgramme, testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let priority: { practiceId: number; waveId: number; questionnaireId: string; scale: string }
let userId: number

beforeEach(async () => {
  ls = await testLinkscore()
  const { practice, wave } = await seedProgramme(ls, ['pilot'])
  priority = { practiceId: practice.id, waveId: wave.id, questionnaireId: 'pilot', scale: 'organisational/training' }
  await addStaff(ls, 'steer@example.org', 'steering', { practices: ['P001'] })
  userId = (await ls.repos.staffUsers.findByEmail('steer@example.org'))!.id
})
afterEach(() => ls.close())

const words = { action: 'Book the link worker into the team meeting', owner: 'Practice manager', reviewOn: '2026-06-30' }

describe('the practice action repository', () => {
  it('records an action, finds it by its priority, and changes its words but not when it was recorded', async () => {
    const added = await ls.repos.actions.add(priority, { ...words, at: '2026-03-02T10:00:00.000Z', byUserId: userId })
    const expected = {
      id: added.id,
      ...priority,
      ...words,
      recordedAt: '2026-03-02T10:00:00.000Z',
      recordedBy: 'steer@example.org',
      changedAt: '2026-03-02T10:00:00.000Z',
      changedBy: 'steer@example.org',
    }
    expect(added).toEqual(expected)
    expect(await ls.repos.actions.find(priority)).toEqual(expected)
    expect(await ls.repos.actions.find({ ...priority, scale: 'organisational/leadership' })).toBeUndefined()

    await ls.repos.actions.update(added.id, {
      action: 'Invite the link worker',
      owner: 'Dr Shah',
      reviewOn: '2026-07-01',
      at: '2026-03-03T09:00:00.000Z',
      byUserId: null,
    })
    expect(await ls.repos.actions.find(priority)).toEqual({
      ...expected,
      action: 'Invite the link worker',
      owner: 'Dr Shah',
      reviewOn: '2026-07-01',
      changedAt: '2026-03-03T09:00:00.000Z',
      changedBy: null,
    })
  })

  it('keeps one action per priority, and removes it', async () => {
    const added = await ls.repos.actions.add(priority, { ...words, at: '2026-03-02T10:00:00.000Z', byUserId: userId })
    await expect(ls.repos.actions.add(priority, { ...words, at: '2026-03-02T11:00:00.000Z', byUserId: userId })).rejects.toThrow(/unique/i)
    expect(await ls.repos.actions.remove(added.id)).toBe(true)
    expect(await ls.repos.actions.remove(added.id)).toBe(false)
    expect(await ls.repos.actions.find(priority)).toBeUndefined()
  })

  it('refuses an empty action and one over 500 characters', async () => {
    const at = { at: '2026-03-02T10:00:00.000Z', byUserId: userId }
    await expect(ls.repos.actions.add(priority, { ...words, action: '', ...at })).rejects.toThrow(/check constraint/i)
    await expect(ls.repos.actions.add(priority, { ...words, owner: 'x'.repeat(101), ...at })).rejects.toThrow(/check constraint/i)
    expect(await ls.repos.actions.listForWave(priority.practiceId, priority.waveId)).toEqual([])
  })

  it("lists a practice's actions for a wave, and a programme's with practice and wave codes in export order", async () => {
    const { practice: p2 } = await seedProgramme(ls, ['pilot'], { practice: 'P000' })
    const at = { at: '2026-03-02T10:00:00.000Z', byUserId: userId }
    await ls.repos.actions.add(priority, { ...words, ...at })
    await ls.repos.actions.add({ ...priority, scale: 'organisational/leadership' }, { ...words, owner: 'GP partner', ...at })
    await ls.repos.actions.add({ ...priority, practiceId: p2.id }, { ...words, owner: 'Nurse lead', ...at })
    expect((await ls.repos.actions.listForWave(priority.practiceId, priority.waveId)).map((a) => a.scale)).toEqual([
      'organisational/leadership',
      'organisational/training',
    ])
    const programme = (await ls.repos.programmes.findBySlug('test'))!
    const rows = await ls.repos.actions.listByProgramme(programme.id)
    expect(rows.map((r) => [r.waveSlug, r.practiceCode, r.scale, r.owner])).toEqual([
      ['baseline', 'P000', 'organisational/training', 'Nurse lead'],
      ['baseline', 'P001', 'organisational/leadership', 'GP partner'],
      ['baseline', 'P001', 'organisational/training', 'Practice manager'],
    ])
  })

  it('goes with a practice that is removed', async () => {
    await ls.repos.actions.add(priority, { ...words, at: '2026-03-02T10:00:00.000Z', byUserId: userId })
    await ls.repos.practices.remove(priority.practiceId)
    expect(await ls.repos.actions.find(priority)).toBeUndefined()
  })
})
