// Tests that need a tool which may be missing (Chromium, Rscript): skipped locally, saying why; on CI a missing tool
// fails them, so that a green run never hides tests that did not run.

export class MissingToolError extends Error {
  constructor(tool: string, reason: string) {
    super(`${tool} is required when CI=true, so these tests fail instead of skipping: ${reason}`)
    this.name = 'MissingToolError'
  }
}

/** Whether the tests needing `tool` can run: true when it was found; false, with a warning, when not; throws on CI. */
export function requireTool(tool: string, found: boolean, reason: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (found) return true
  if (env.CI === 'true') throw new MissingToolError(tool, reason)
  console.warn(`Skipping the tests that need ${tool}: ${reason}`)
  return false
}
