import { afterEach, describe, expect, it } from 'vitest'
import { seedDemo } from '../server/demo/seed-demo.js'
import { verifyPassword } from '../server/services/passwords.js'
import { createStartUpAccounts } from '../server/start-up-accounts.js'
import { auditLines } from './support/staff-users.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from './support/test-linkscore.js'

let ls: TestLinkscore
afterEach(async () => {
  await ls.close()
})

const CONFIG = { adminEmail: 'admin@localhost', baseUrl: 'https://survey.example.org', demo: false }
const start = (config = CONFIG) => createStartUpAccounts(config, ls.repos, ls.services)

describe('accounts at start-up', () => {
  it('creates the first admin and prints its password once', async () => {
    ls = await testLinkscore()
    const lines = await start()
    expect(lines).toHaveLength(2)
    expect(lines[0]).toBe('Created the admin account admin@localhost. Sign in at https://survey.example.org/sign-in with this password, shown only now:')
    const password = lines[1]!.trim()
    expect(await verifyPassword(password, (await ls.repos.staffUsers.findByEmail('admin@localhost'))!.passwordHash)).toBe(true)
    expect(await start()).toEqual([])
  })

  it('uses LINKSCORE_ADMIN_EMAIL for the first admin', async () => {
    ls = await testLinkscore()
    await start({ ...CONFIG, adminEmail: 'lead@example.org' })
    expect((await ls.repos.staffUsers.findByEmail('lead@example.org'))?.role).toBe('admin')
  })

  it('with the demo, also creates an account for each role and prints their passwords only when created', async () => {
    ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
    await seedDemo(ls.repos, ls.services)
    const lines = await start({ ...CONFIG, demo: true })
    expect(lines.slice(2, 3)).toEqual(['Demo staff accounts (sign in at https://survey.example.org/sign-in; passwords are shown only now):'])
    const demo = lines.slice(3).map((l) => l.trim().split(/\s+/))
    expect(demo.map(([role, email]) => `${role} ${email}`)).toEqual([
      'admin demo-admin@example.org',
      'evaluator demo-evaluator@example.org',
      'steering demo-steering@example.org',
    ])
    for (const [, email, password] of demo) expect(await verifyPassword(password!, (await ls.repos.staffUsers.findByEmail(email!))!.passwordHash)).toBe(true)
    const programme = (await ls.repos.programmes.findBySlug('demo'))!.id
    const practice = (await ls.repos.practices.findByCode('DEMO01'))!.id
    expect(await ls.repos.staffUsers.scope((await ls.repos.staffUsers.findByEmail('demo-evaluator@example.org'))!.id)).toEqual({
      programmeIds: [programme],
      practiceIds: [],
    })
    expect(await ls.repos.staffUsers.scope((await ls.repos.staffUsers.findByEmail('demo-steering@example.org'))!.id)).toEqual({
      programmeIds: [],
      practiceIds: [practice],
    })
    // The demo's action plan, recorded as it was seeded, then the four accounts.
    expect((await auditLines(ls)).map((l) => l.split(' {')[0])).toEqual([
      ...Array(12).fill('action recorded (start-up)'),
      ...Array(4).fill('user added (start-up)'),
    ])

    const again = await start({ ...CONFIG, demo: true })
    expect(again).toEqual([
      'Demo staff accounts: demo-admin@example.org, demo-evaluator@example.org, demo-steering@example.org (reset a password with "linkscore user password --email …")',
    ])
    expect(again.join()).not.toMatch(/[A-Za-z0-9_-]{24}/)
  })

  it('creates no demo accounts without the demo programme', async () => {
    ls = await testLinkscore()
    expect(await start({ ...CONFIG, demo: true })).toHaveLength(2)
    expect(await ls.repos.staffUsers.findByEmail('demo-admin@example.org')).toBeUndefined()
  })
})
