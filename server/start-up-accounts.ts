// At start-up: the first admin account when there is none, and the demo accounts; returns what to tell the person starting the server.
import type { Config } from './config.js'
import type { Repositories } from './data/repository-interfaces.js'
import { seedDemoStaff } from './demo/seed-demo-staff.js'
import type { Services } from './services/index.js'

export async function createStartUpAccounts(
  config: Pick<Config, 'adminEmail' | 'baseUrl' | 'demo'>,
  repos: Repositories,
  services: Services,
): Promise<string[]> {
  const lines: string[] = []
  const admin = await services.staffAccounts.ensureAdmin(config.adminEmail)
  if (admin) {
    lines.push(`Created the admin account ${admin.account.email}. Sign in at ${config.baseUrl}/sign-in with this password, shown only now:`)
    lines.push(`  ${admin.password}`)
  }
  if (!config.demo) return lines
  const demo = await seedDemoStaff(repos, services)
  if (demo.some((a) => a.password)) lines.push(`Demo staff accounts (sign in at ${config.baseUrl}/sign-in; passwords are shown only now):`)
  else if (demo.length) lines.push(`Demo staff accounts: ${demo.map((a) => a.email).join(', ')} (reset a password with "linkscore user password --email …")`)
  const width = Math.max(...demo.map((a) => a.email.length))
  for (const account of demo) if (account.password) lines.push(`  ${account.role.padEnd(9)}  ${account.email.padEnd(width)}  ${account.password}`)
  return lines
}
