// What the report pages' figures should be, worked out from the CLI's exports, and how to read them off a page.
import { parse } from 'csv-parse/sync'
import type { CheerioAPI } from 'cheerio'
import type { Cheerio } from 'cheerio'
import type { AnyNode } from 'domhandler'
import { expect } from 'vitest'
import type { Linkscore } from '../../server/boot.js'
import type { StaffRole } from '../../server/domain/staff-user.js'
import { allScales } from '../../server/questionnaires/questionnaire-model.js'
import { httpClient, type HttpClient } from './http-client.js'
import { runCli } from './run-cli.js'
import { addStaff, signIn } from './staff-users.js'
import { REAL_QUESTIONNAIRES, type TestLinkscore } from './test-linkscore.js'

export type CsvRow = Record<string, string>

/** An export as the command line writes it, parsed. */
export async function exportCsv(ls: TestLinkscore, ...args: string[]): Promise<CsvRow[]> {
  const result = await runCli(['export', ...args], { ...ls.databaseEnv, LINKSCORE_QUESTIONNAIRES: REAL_QUESTIONNAIRES })
  expect(result.stderr).toBe('')
  return parse(result.stdout, { columns: true }) as CsvRow[]
}

// Rounding written out again here, independently of server/routes/reports/display-numbers.ts: half away from zero.
const MINUS = '\u2212'
const half = (x: number, dp: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 ** dp)) / 10 ** dp
const signed = (x: number, dp: number) => {
  const r = half(x, dp)
  return r < 0 ? `${MINUS}${Math.abs(r).toFixed(dp)}` : (r === 0 ? 0 : r).toFixed(dp)
}
export const score = (x: string | number) => signed(Number(x), 0)
/** A 1–5 figure of the export on 0–100, rounded. */
export const score100 = (x: string | number) => score((Number(x) - 1) * 25)
export const coefficient = (x: string | number) => signed(Number(x), 2)
export const mean10 = (x: number) => signed(x, 1)
export const change = (difference: string) => {
  const text = score(Number(difference) * 25)
  return text.startsWith(MINUS) || text === '0' ? text : `+${text}`
}

/** Scale path → name as the reports show it (plain words, then the theory's name), from the definitions the exports used. */
export function scaleNames(ls: Linkscore, questionnaire: string): Map<string, string> {
  return new Map(allScales(ls.services.catalogue.get(questionnaire)).map((s) => [s.path.join('/'), shownName(s.node)]))
}

export const shownName = (node: { name: string; plainName?: string | undefined }): string =>
  node.plainName ? `${node.plainName} (${node.name.toLowerCase()})` : node.name

/** A table's body rows as arrays of cell texts (th and td), whitespace collapsed. */
export function tableRows($: CheerioAPI, table: Cheerio<AnyNode>): string[][] {
  return table
    .find('tbody tr')
    .map((_, tr) => [
      $(tr)
        .find('th, td')
        .map((_, cell) => $(cell).text().replace(/\s+/g, ' ').trim())
        .get(),
    ])
    .get()
}

/** A signed-in client. */
export async function staffClient(
  ls: Linkscore,
  app: TestLinkscore['app'],
  email: string,
  role: StaffRole,
  scope: { programmes?: string[]; practices?: string[] } = {},
): Promise<HttpClient> {
  const client = httpClient(app)
  const page = await signIn(client, email, await addStaff(ls, email, role, scope))
  expect(page.status).toBe(303)
  return client
}
