// The house boundaries are lint rules; these cases keep the rules themselves from quietly going away.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The probes are never written to disk, so the type-aware rules (which need a file in the TypeScript project) are off for them.
const eslint = new ESLint({
  overrideConfig: [
    {
      files: ['**/probe.ts'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off', '@typescript-eslint/await-thenable': 'off' },
    },
  ],
})

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`)
}

describe('the boundaries lint enforces', () => {
  it.each([
    { file: 'server/scoring/probe.ts', code: "import type { LinkscoreDatabase } from '../data/database.js'\nexport type X = LinkscoreDatabase\n" },
    { file: 'server/questionnaires/probe.ts', code: "import type { Services } from '../services/index.js'\nexport type X = Services\n" },
    { file: 'server/domain/probe.ts', code: "import type { Router } from 'express'\nexport type X = Router\n" },
    { file: 'server/scoring/probe.ts', code: "import type { routes } from '../routes/index.js'\nexport type X = typeof routes\n" },
  ])('refuses $file importing $code', async ({ file, code }) => {
    const found = await problems(file, code)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^no-restricted-imports: .* Domain code \(server\/domain, server\/questionnaires, server\/scoring\) is pure/)
  })

  it('refuses the data layer importing routes', async () => {
    const found = await problems('server/data/probe.ts', "import type { routes } from '../routes/index.js'\nexport type X = typeof routes\n")
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: .*The data layer serves the services/)])
  })

  it('lets the domain import the domain, and services import the data layer', async () => {
    expect(
      await problems('server/scoring/probe.ts', "import type { Questionnaire } from '../questionnaires/definition-schema.js'\nexport type X = Questionnaire\n"),
    ).toEqual([])
    expect(
      await problems('server/services/probe.ts', "import type { Repositories } from '../data/repository-interfaces.js'\nexport type X = Repositories\n"),
    ).toEqual([])
  })
})
