import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StaffUser } from '../../server/domain/staff-user.js'
import { NotFoundError } from '../../server/errors.js'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
let ids: Record<string, number>
beforeEach(async () => {
  ls = await testLinkscore()
  const admin = ls.services.admin
  ids = {
    north: (await admin.addProgramme({ slug: 'north', name: 'North PCN' })).id,
    south: (await admin.addProgramme({ slug: 'south', name: 'South PCN' })).id,
    N1: (await admin.addPractice({ programme: 'north', code: 'N1', name: 'North One' })).id,
    N2: (await admin.addPractice({ programme: 'north', code: 'N2', name: 'North Two' })).id,
    S1: (await admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })).id,
  }
})
afterEach(async () => {
  await ls.close()
})

const user = (role: StaffUser['role'], programmes: string[] = [], practices: string[] = []): StaffUser => ({
  id: 1,
  email: 'x@example.org',
  role,
  programmeIds: programmes.map((p) => ids[p]!),
  practiceIds: practices.map((p) => ids[p]!),
})
const scope = () => ls.services.staffScope

describe('what a user can find', () => {
  it.each([
    { who: 'admin', u: () => user('admin'), visible: ['north (whole): N1 N2', 'south (whole): S1'] },
    { who: 'evaluator of south', u: () => user('evaluator', ['south']), visible: ['south (whole): S1'] },
    { who: 'steering member of N2', u: () => user('steering', [], ['N2']), visible: ['north: N2'] },
    { who: 'steering member of nothing', u: () => user('steering'), visible: [] },
  ])('lists for the $who', async ({ u, visible }) => {
    expect(
      (await scope().visibleProgrammes(u())).map(
        (v) => `${v.programme.slug}${v.wholeProgramme ? ' (whole)' : ''}: ${v.practices.map((p) => p.code).join(' ')}`,
      ),
    ).toEqual(visible)
  })

  it.each([
    { who: 'admin', u: () => user('admin'), slug: 'south', found: true },
    { who: 'evaluator of north', u: () => user('evaluator', ['north']), slug: 'north', found: true },
    { who: 'evaluator of north', u: () => user('evaluator', ['north']), slug: 'south', found: false },
    { who: 'steering member of N1', u: () => user('steering', [], ['N1']), slug: 'north', found: false },
    { who: 'admin', u: () => user('admin'), slug: 'nowhere', found: false },
  ])('finds programme $slug for the $who: $found', async ({ u, slug, found }) => {
    if (found) expect((await scope().programme(u(), slug)).slug).toBe(slug)
    else await expect(scope().programme(u(), slug)).rejects.toThrow(NotFoundError)
  })

  it.each([
    { who: 'admin', u: () => user('admin'), at: ['south', 'S1'], found: true },
    { who: 'evaluator of north', u: () => user('evaluator', ['north']), at: ['north', 'N2'], found: true },
    { who: 'evaluator of north', u: () => user('evaluator', ['north']), at: ['south', 'S1'], found: false },
    { who: 'steering member of N1', u: () => user('steering', [], ['N1']), at: ['north', 'N1'], found: true },
    { who: 'steering member of N1', u: () => user('steering', [], ['N1']), at: ['north', 'N2'], found: false },
    { who: 'admin', u: () => user('admin'), at: ['south', 'N1'], found: false },
    { who: 'admin', u: () => user('admin'), at: ['north', 'N9'], found: false },
  ])('finds practice $at for the $who: $found', async ({ u, at, found }) => {
    const [slug, code] = at as [string, string]
    if (found) expect((await scope().practice(u(), slug, code)).practice.code).toBe(code)
    else await expect(scope().practice(u(), slug, code)).rejects.toThrow(NotFoundError)
  })
})
