// Demo staff accounts, one per role, so each view can be tried. Passwords are random and shown once, when created.
import type { Repositories } from '../data/repository-interfaces.js'
import { isUniqueViolation } from '../data/unique-violation.js'
import type { StaffRole } from '../domain/staff-user.js'
import type { Services } from '../services/index.js'
import { DEMO_SLUG } from './seed-demo.js'

export const DEMO_STAFF: readonly { email: string; role: StaffRole; programmes?: string[]; practices?: string[] }[] = [
  { email: 'demo-admin@example.org', role: 'admin' },
  { email: 'demo-evaluator@example.org', role: 'evaluator', programmes: [DEMO_SLUG] },
  { email: 'demo-steering@example.org', role: 'steering', practices: ['DEMO01'] },
]

export interface DemoStaffAccount {
  email: string
  role: StaffRole
  /** Only for accounts created just now. */
  password?: string
}

/** Adds whichever demo accounts are missing, when the demo programme exists. */
export async function seedDemoStaff(repos: Repositories, services: Services): Promise<DemoStaffAccount[]> {
  if (!(await repos.programmes.findBySlug(DEMO_SLUG))?.isDemo) return []
  const accounts: DemoStaffAccount[] = []
  for (const demo of DEMO_STAFF) {
    if (await repos.staffUsers.findByEmail(demo.email)) {
      accounts.push({ email: demo.email, role: demo.role })
      continue
    }
    try {
      // Demo passwords need not be replaced at the first sign-in: they are for trying each role out, on synthetic data.
      const added = await services.staffAccounts.addUser(demo, { kind: 'start-up' }, { mustChangePassword: false })
      accounts.push({ email: demo.email, role: demo.role, password: added.password })
    } catch (error) {
      // Another app process starting on the same database added it a moment ago.
      if (!isUniqueViolation(error)) throw error
      accounts.push({ email: demo.email, role: demo.role })
    }
  }
  return accounts
}
