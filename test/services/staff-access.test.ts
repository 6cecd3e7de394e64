import { describe, expect, it } from 'vitest'
import type { StaffUser } from '../../server/domain/staff-user.js'
import { canAdminister, canExport, canManageAccount, canManageAccounts, canSeePractice, canSeeProgramme } from '../../server/services/staff-access.js'

const NORTH = 1
const SOUTH = 2
const N1 = { id: 11, programmeId: NORTH }
const N2 = { id: 12, programmeId: NORTH }
const S1 = { id: 21, programmeId: SOUTH }

const user = (role: StaffUser['role'], scope: Partial<Pick<StaffUser, 'programmeIds' | 'practiceIds'>> = {}): StaffUser => ({
  id: 1,
  email: 'x@example.org',
  role,
  programmeIds: [],
  practiceIds: [],
  ...scope,
})

const admin = user('admin')
const northEvaluator = user('evaluator', { programmeIds: [NORTH] })
const n1Steering = user('steering', { practiceIds: [N1.id] })
// Scopes that do not belong to a role give nothing: an admin needs none, and an evaluator's practices or a steering member's programmes are ignored.
const evaluatorWithPractice = user('evaluator', { practiceIds: [N1.id] })
const steeringWithProgramme = user('steering', { programmeIds: [NORTH] })

describe.each([
  { who: 'an admin', u: admin, north: true, south: true, n1: true, n2: true, s1: true, exports: true, administers: true },
  { who: 'an evaluator of north', u: northEvaluator, north: true, south: false, n1: true, n2: true, s1: false, exports: true, administers: false },
  { who: 'a steering member of N1', u: n1Steering, north: false, south: false, n1: true, n2: false, s1: false, exports: false, administers: false },
  {
    who: 'an evaluator with only a practice',
    u: evaluatorWithPractice,
    north: false,
    south: false,
    n1: false,
    n2: false,
    s1: false,
    exports: true,
    administers: false,
  },
  {
    who: 'a steering member with only a programme',
    u: steeringWithProgramme,
    north: false,
    south: false,
    n1: false,
    n2: false,
    s1: false,
    exports: false,
    administers: false,
  },
])('$who', ({ u, north, south, n1, n2, s1, exports, administers }) => {
  it('sees the programme-wide views it should', () => {
    expect([canSeeProgramme(u, NORTH), canSeeProgramme(u, SOUTH)]).toEqual([north, south])
  })
  it('sees the practices it should', () => {
    expect([canSeePractice(u, N1), canSeePractice(u, N2), canSeePractice(u, S1)]).toEqual([n1, n2, s1])
  })
  it(`${exports ? 'may' : 'may not'} export, and ${administers ? 'may' : 'may not'} administer`, () => {
    expect(canExport(u)).toBe(exports)
    expect(canAdminister(u)).toBe(administers)
  })
})

describe('managing staff accounts', () => {
  const evaluator = user('evaluator', { programmeIds: [NORTH] })
  it.each([
    ['admin', admin, true],
    ['evaluator', evaluator, true],
    ['steering member', user('steering', { practiceIds: [N1.id] }), false],
  ])('opens the accounts pages to a %s: %s', (_, who, allowed) => expect(canManageAccounts(who)).toBe(allowed))

  it.each([
    ['a steering member of their programme', { role: 'steering', practiceProgrammeIds: [NORTH] }, true],
    ['a steering member of another programme', { role: 'steering', practiceProgrammeIds: [SOUTH] }, false],
    ['a steering member of theirs and another', { role: 'steering', practiceProgrammeIds: [NORTH, SOUTH] }, false],
    ['a steering member with no practice', { role: 'steering', practiceProgrammeIds: [] }, false],
    ['an evaluator', { role: 'evaluator', practiceProgrammeIds: [] }, false],
    ['an admin', { role: 'admin', practiceProgrammeIds: [] }, false],
  ] as const)('lets an evaluator manage %s: %s', (_, account, allowed) => {
    expect(canManageAccount(evaluator, account)).toBe(allowed)
    expect(canManageAccount(admin, account)).toBe(true)
  })
})
