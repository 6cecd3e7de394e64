import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Practice } from '../../server/domain/practice.js'
import type { Programme } from '../../server/domain/programme.js'
import type { StaffUser } from '../../server/domain/staff-user.js'
import { ArchivedProgrammeError, NotFoundError, ValidationError } from '../../server/errors.js'
import { auditLines } from '../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const NOW = new Date('2026-03-02T10:00:00.000Z')
let ls: TestLinkscore
let programme: Programme
let practice: Practice
let user: StaffUser

const REF = { wave: 'spring', questionnaire: 'pilot', scale: 'organisational/training' }
const GOOD = { action: 'Book the link worker into the team meeting', owner: 'Practice manager', reviewOn: '2026-06-30' }

beforeEach(async () => {
  ls = await testLinkscore({ clock: { now: () => NOW } })
  await ls.services.admin.addProgramme({ slug: 'north', name: 'North PCN' })
  practice = await ls.services.admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })
  await ls.services.admin.addWave({ programme: 'north', slug: 'spring', title: 'Spring', questionnaires: ['pilot'], opensOn: '2026-03-01' })
  await ls.services.staffAccounts.addUser({ email: 'steer@example.org', role: 'steering', practices: ['N1'] }, { kind: 'command line' })
  const account = (await ls.repos.staffUsers.findByEmail('steer@example.org'))!
  user = { ...account, ...(await ls.repos.staffUsers.scope(account.id)) } as StaffUser
  programme = (await ls.repos.programmes.findBySlug('north'))!
})
afterEach(() => ls.close())

/** The messages of a refusal, field by field, in English. */
async function refusal(input: unknown): Promise<Record<string, string>> {
  const error = await ls.services.actions.record(user, programme, practice, REF, input).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ValidationError)
  return Object.fromEntries((error as ValidationError).issues.map((i) => [i.field, i.message]))
}

describe('the action service', () => {
  it('records an action for a priority, changes it and removes it, writing each in the audit log', async () => {
    const recorded = await ls.services.actions.record(user, programme, practice, REF, { ...GOOD, action: `  ${GOOD.action} ` })
    expect(recorded).toMatchObject({ ...GOOD, scale: 'organisational/training', recordedBy: 'steer@example.org', recordedAt: NOW.toISOString() })
    await ls.services.actions.record(user, programme, practice, REF, { ...GOOD, owner: 'Dr Shah' })
    expect((await ls.services.actions.find(programme, practice, REF)).action).toMatchObject({ owner: 'Dr Shah', action: GOOD.action })
    await ls.services.actions.remove(user, programme, practice, REF)
    await ls.services.actions.remove(user, programme, practice, REF)
    expect((await ls.services.actions.find(programme, practice, REF)).action).toBeUndefined()
    const scope = '"programme":"north","practice":"N1","wave":"spring","questionnaire":"pilot","scale":"organisational/training"'
    expect((await auditLines(ls)).filter((l) => l.startsWith('action'))).toEqual([
      `action recorded steer@example.org {${scope},"owner":"Practice manager","reviewOn":"2026-06-30","action":${recorded.id}}`,
      `action changed steer@example.org {${scope},"owner":"Dr Shah","reviewOn":"2026-06-30","action":${recorded.id}}`,
      `action removed steer@example.org {${scope},"action":${recorded.id}}`,
    ])
  })

  it('records one at start-up (the demo’s plan) with nobody named as its recorder, and says so in the audit log', async () => {
    const recorded = await ls.services.actions.record({ kind: 'start-up' }, programme, practice, REF, GOOD)
    expect(recorded).toMatchObject({ ...GOOD, recordedBy: null, changedBy: null, recordedAt: NOW.toISOString() })
    expect((await auditLines(ls)).filter((l) => l.startsWith('action'))).toEqual([
      `action recorded (start-up) {"programme":"north","practice":"N1","wave":"spring","questionnaire":"pilot","scale":"organisational/training","owner":"Practice manager","reviewOn":"2026-06-30","action":${recorded.id}}`,
    ])
  })

  it('keeps one action when two people record the first at once: the later changes it', async () => {
    const [a, b] = await Promise.all([
      ls.services.actions.record(user, programme, practice, REF, GOOD),
      ls.services.actions.record(user, programme, practice, REF, { ...GOOD, owner: 'Dr Shah' }),
    ])
    expect(a.id).toBe(b.id)
    expect(await ls.repos.actions.listForWave(practice.id, a.waveId)).toHaveLength(1)
    expect((await auditLines(ls)).filter((l) => l.startsWith('action')).map((l) => l.split(' {')[0])).toEqual([
      'action recorded steer@example.org',
      'action changed steer@example.org',
    ])
  })

  it('words what is missing or too long', async () => {
    expect(await refusal({})).toEqual({
      action: 'Enter the action the steering group agreed',
      owner: 'Enter who owns the action',
      reviewOn: 'Enter a review date',
    })
    expect(await refusal({ action: '   ', owner: ' ', reviewOn: ' ' })).toEqual({
      action: 'Enter the action the steering group agreed',
      owner: 'Enter who owns the action',
      reviewOn: 'Enter a review date',
    })
    expect(await refusal({ ...GOOD, action: 'x'.repeat(501), owner: 'y'.repeat(101) })).toEqual({
      action: 'The action must be 500 characters or fewer',
      owner: 'The owner must be 100 characters or fewer',
    })
    expect(
      (await ls.services.actions.record(user, programme, practice, REF, { ...GOOD, action: 'x'.repeat(500), owner: 'y'.repeat(100) })).action,
    ).toHaveLength(500)
  })

  it.each([
    ['2026-02-30', 'The review date must be a real date, like 2026-06-30'],
    ['30/06/2026', 'The review date must be a real date, like 2026-06-30'],
    ['2026-02-28', 'The review date must not be before the survey opened'],
    ['2028-03-03', 'The review date must be within two years from today'],
  ])('refuses the review date %s', async (reviewOn, message) => {
    expect(await refusal({ ...GOOD, reviewOn })).toEqual({ reviewOn: message })
    expect(await ls.repos.actions.listForWave(practice.id, 1)).toEqual([])
  })

  it('takes the day the wave opened and two years from today', async () => {
    await ls.services.actions.record(user, programme, practice, REF, { ...GOOD, reviewOn: '2026-03-01' })
    await ls.services.actions.record(user, programme, practice, REF, { ...GOOD, reviewOn: '2028-03-02' })
    expect((await ls.services.actions.find(programme, practice, REF)).action?.reviewOn).toBe('2028-03-02')
  })

  it.each([
    { ...REF, wave: 'autumn' },
    { ...REF, questionnaire: 'context' },
    { ...REF, scale: 'organisational' },
    { ...REF, scale: 'organisational/nothing' },
  ])('does not know the priority %o', async (ref) => {
    await expect(ls.services.actions.record(user, programme, practice, ref, GOOD)).rejects.toBeInstanceOf(NotFoundError)
    await expect(ls.services.actions.remove(user, programme, practice, ref)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('changes nothing in an archived programme', async () => {
    await ls.services.actions.record(user, programme, practice, REF, GOOD)
    const archived = { ...programme, archivedAt: NOW.toISOString() }
    await expect(ls.services.actions.record(user, archived, practice, REF, { ...GOOD, owner: 'Someone else' })).rejects.toBeInstanceOf(ArchivedProgrammeError)
    await expect(ls.services.actions.remove(user, archived, practice, REF)).rejects.toBeInstanceOf(ArchivedProgrammeError)
    expect((await ls.services.actions.find(programme, practice, REF)).action?.owner).toBe('Practice manager')
  })
})
