// Runs axe-core in a page against WCAG 2.2 A and AA.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Through evaluate, not addScriptTag: the CSP refuses inline scripts, and each refusal would log a CSP violation in the page.
  await page.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run: (opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run({ runOnly: { type: 'tag', values: tags } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  }, WCAG_TAGS)
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n')
}

/** Fails the test with every violation listed, named by `what` (the page and its state). */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([])
}
