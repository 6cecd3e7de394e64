// The scorecard's free text, from a real database: a question asked of one setting only keeps its answers back where
// that setting's count is withheld, since they would say which setting wrote them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PRACTICES } from '../../server/demo/demo-profiles.js'
import { seededRandom } from '../../server/demo/seeded-random.js'
import { syntheticPages } from '../../server/demo/synthetic-answers.js'
import { sectionPageKey } from '../../server/survey/journey-pages.js'
import { findRole } from '../../server/survey/roles.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const AT = '2026-03-02T10:00:00.000Z'
const QUESTIONNAIRES = ['context', 'normalisation', 'good-practice']
/** L1: six in each setting. L2: six, two and six: link workers withheld, and general practice beside them. */
const ARRIVALS: Record<string, Record<string, number>> = {
  L1: { gp: 6, link_worker: 6, community_org: 6 },
  L2: { gp: 6, link_worker: 2, community_org: 6 },
}

let ls: TestLinkscore
let folder: string

beforeAll(async () => {
  // The real questionnaires, with "What most gets in the way …" asked of link workers only.
  folder = mkdtempSync(join(tmpdir(), 'linkscore-free-text-'))
  cpSync(REAL_QUESTIONNAIRES, folder, { recursive: true })
  const file = join(folder, 'good-practice.yaml')
  const source = readFileSync(file, 'utf8')
  const narrowed = source.replace(
    '      - id: gp_barriers\n        type: text\n',
    '      - id: gp_barriers\n        type: text\n        settings: [link_worker]\n',
  )
  expect(narrowed).not.toBe(source)
  writeFileSync(file, narrowed)
  ls = await testLinkscore({ questionnaires: folder })
  const admin = ls.services.admin
  const random = seededRandom(5)
  await admin.addProgramme({ slug: 'west', name: 'West PCN' })
  const wave = await admin.addWave({ programme: 'west', slug: 'baseline', title: 'Baseline survey', questionnaires: QUESTIONNAIRES, open: true })
  for (const [code, roles] of Object.entries(ARRIVALS)) {
    const practice = await admin.addPractice({ programme: 'west', code, name: `Practice ${code}` })
    for (const [role, n] of Object.entries(roles))
      for (let i = 0; i < n; i++) {
        const setting = findRole(role)!.setting!
        const response = await ls.repos.responses.create({
          invitationId: null,
          practiceId: practice.id,
          waveId: wave.id,
          resumeToken: `west-${random.next()}`.padEnd(24, 'x'),
          source: 'open_link',
          role,
          setting,
          at: AT,
        })
        for (const id of QUESTIONNAIRES) {
          const questionnaire = ls.services.catalogue.get(id)
          for (const page of syntheticPages(questionnaire, setting, DEMO_PRACTICES[0]!.profile, random)) {
            const answers = page.itemIds.includes('gp_barriers')
              ? [...page.answers.filter((a) => a.itemId !== 'gp_barriers'), { itemId: 'gp_barriers', value: `In the way, says a ${role}` }]
              : page.answers
            await ls.repos.responses.savePage({
              responseId: response.id,
              pageKey: sectionPageKey(id, page.sectionId),
              questionnaireId: id,
              questionnaireVersion: questionnaire.version,
              itemIds: page.itemIds,
              answers,
              complete: true,
              at: AT,
            })
          }
        }
        await ls.repos.responses.submit(response.id, AT)
      }
  }
})
afterAll(async () => {
  await ls?.close()
  rmSync(folder, { recursive: true, force: true })
})

const freeText = async (code: string) => {
  const programme = (await ls.repos.programmes.findBySlug('west'))!
  const practice = (await ls.repos.practices.findByCode(code))!
  const groups = (await ls.services.reports.scorecard(programme, practice)).textAnswers!
  return groups.map((g) => [g.itemId, g.withheldFor, g.answers.map((a) => a.text)])
}

describe('free text of a question asked of one setting', () => {
  it('is shown where that setting has its count shown', async () => {
    const groups = await freeText('L1')
    expect(groups.find((g) => g[0] === 'gp_barriers')).toEqual(['gp_barriers', null, Array(6).fill('In the way, says a link_worker')])
    expect(groups.find((g) => g[0] === 'gp_facilitators')![1]).toBeNull()
  })

  it('is withheld, with no answers at all, where that setting is withheld; the question for everyone stays', async () => {
    const groups = await freeText('L2')
    expect(groups.find((g) => g[0] === 'gp_barriers')).toEqual(['gp_barriers', ['link_worker'], []])
    expect(groups.find((g) => g[0] === 'gp_facilitators')![1]).toBeNull()
  })
})
