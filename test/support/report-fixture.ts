// A programme for the report pages, answering the real questionnaires: practices of every size, invitations with and
// without a preset role, open-link responses, two waves, and free text that needs escaping.
import type { Linkscore } from '../../server/boot.js'
import { bumpScoresVersion } from '../../server/data/repositories/scores-version.js'
import type { Practice } from '../../server/domain/practice.js'
import type { Wave } from '../../server/domain/wave.js'
import { DEMO_PRACTICES } from '../../server/demo/demo-profiles.js'
import { seededRandom } from '../../server/demo/seeded-random.js'
import { syntheticPages } from '../../server/demo/synthetic-answers.js'
import { findRole } from '../../server/survey/roles.js'
import { sectionPageKey } from '../../server/survey/journey-pages.js'
import type { TestLinkscore } from './test-linkscore.js'

export const REPORT_AT = '2026-03-02T10:00:00.000Z'
export const UNSAFE_TEXT = '<script>alert("x")</script> & "quoted" </textarea>'
export const UNSUBMITTED_TEXT = 'Written by someone who never submitted'

/** How each practice's respondents came in: [role, 'open' | 'invitation' | preset role's invitation]. */
type Arrival = [role: string, via: 'open' | 'invitation' | 'preset']

const mix = (counts: Partial<Record<string, number>>, via: Arrival[1]): Arrival[] =>
  Object.entries(counts).flatMap(([role, n]) => Array.from({ length: n! }, (): Arrival => [role, via]))

export const REPORT_PRACTICES = [
  { code: 'N1', name: 'Alder Surgery', deprivationQuintile: 2, rurality: 'urban' as const, spModel: 'Employed by the network', profile: 0 },
  { code: 'N2', name: 'Birch Practice', deprivationQuintile: 1, rurality: 'rural' as const, spModel: 'Voluntary sector partner', profile: 1 },
  { code: 'N3', name: 'Cedar Health', deprivationQuintile: 2, rurality: 'urban' as const, spModel: 'Employed by the network', profile: 2 },
  { code: 'N4', name: 'Damson Lane', deprivationQuintile: 5, rurality: 'rural' as const, spModel: undefined, profile: 0 },
  { code: 'N5', name: 'Elm Tree Centre', deprivationQuintile: 3, rurality: 'urban' as const, spModel: 'Voluntary sector partner', profile: 1 },
]

/** Respondents per wave and practice. */
export const ARRIVALS: Record<string, Record<string, Arrival[]>> = {
  baseline: {
    N1: [...mix({ gp: 3, practice_nurse: 2 }, 'invitation'), ...mix({ link_worker: 2 }, 'open'), ...mix({ community_org: 1 }, 'open')],
    N2: mix({ gp: 2, practice_manager: 2, reception_admin: 1 }, 'open'),
    N3: mix({ gp: 3 }, 'open'),
    N5: mix({ gp: 3, link_worker: 3 }, 'open'),
  },
  'follow-up': {
    // 7 in general practice, 5 link workers (3 by preset invitations) and 2 in the community sector: the community group is
    // withheld, so the link workers are too.
    N1: [
      ...mix({ gp: 4 }, 'preset'),
      ...mix({ practice_nurse: 2, practice_manager: 1 }, 'invitation'),
      ...mix({ link_worker: 3 }, 'preset'),
      ...mix({ link_worker: 2, community_org: 2 }, 'open'),
    ],
    N2: mix({ gp: 3, practice_nurse: 2, reception_admin: 1 }, 'open'),
    N3: mix({ gp: 2 }, 'open'),
    N5: [...mix({ gp: 5 }, 'open'), ...mix({ link_worker: 5 }, 'open')],
  },
}

/** Invitations created, beyond those used: [role or null, count]. */
export const SPARE_INVITATIONS: Record<string, Record<string, [string | null, number][]>> = {
  'follow-up': {
    N1: [
      [null, 5],
      ['gp', 4],
      ['link_worker', 1],
    ],
    N2: [[null, 10]],
  },
}

/**
 * Programme `north` (practices N1–N5; waves baseline, then follow-up) and programme `south` (S1, no waves). N3 has two
 * respondents in the follow-up (withheld) and N4 none; one N1 respondent wrote UNSAFE_TEXT; a third wave, year-two, has no
 * responses.
 */
export async function seedReportFixture(ls: Linkscore, seed = 7): Promise<void> {
  const admin = ls.services.admin
  const random = seededRandom(seed)
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addProgramme({ slug: 'south', name: 'South PCN' })
  await admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })
  const practices = new Map<string, Practice>()
  for (const p of REPORT_PRACTICES)
    practices.set(
      p.code,
      await admin.addPractice({
        programme: 'north',
        code: p.code,
        name: p.name,
        deprivationQuintile: p.deprivationQuintile,
        rurality: p.rurality,
        spModel: p.spModel,
      }),
    )
  const questionnaires = ['context', 'normalisation', 'good-practice']
  const waves = new Map<string, Wave>()
  for (const slug of ['baseline', 'follow-up'])
    waves.set(
      slug,
      await admin.addWave({ programme: 'north', slug, title: slug === 'baseline' ? 'Baseline survey' : 'Follow-up survey', questionnaires, open: true }),
    )
  let unsafeWritten = false

  for (const [waveSlug, byPractice] of Object.entries(ARRIVALS)) {
    const wave = waves.get(waveSlug)!
    for (const [code, arrivals] of Object.entries(byPractice)) {
      const practice = practices.get(code)!
      const profile = DEMO_PRACTICES[REPORT_PRACTICES.find((p) => p.code === code)!.profile]!.profile
      for (const [role, via] of arrivals) {
        const setting = findRole(role)!.setting!
        let invitationId: number | null = null
        if (via !== 'open') {
          const [path] = await admin.createInvitations({ wave: waveSlug, practice: code, count: 1, ...(via === 'preset' ? { role } : {}) })
          invitationId = (await ls.repos.invitations.findByToken(path!.slice(3)))!.id
          await ls.repos.invitations.markUsed(invitationId, REPORT_AT)
        }
        const response = await ls.repos.responses.create({
          invitationId,
          practiceId: practice.id,
          waveId: wave.id,
          resumeToken: `report-${random.next()}`.padEnd(24, 'x'),
          source: via === 'open' ? 'open_link' : 'invitation',
          role,
          setting,
          at: REPORT_AT,
        })
        for (const id of questionnaires) {
          const questionnaire = ls.services.catalogue.get(id)
          for (const page of syntheticPages(questionnaire, setting, profile, random)) {
            let answers = page.answers
            if (!unsafeWritten && code === 'N1' && waveSlug === 'follow-up' && page.itemIds.includes('gp_barriers')) {
              answers = [...answers.filter((a) => a.itemId !== 'gp_barriers'), { itemId: 'gp_barriers', value: UNSAFE_TEXT }]
              unsafeWritten = true
            }
            await ls.repos.responses.savePage({
              responseId: response.id,
              pageKey: sectionPageKey(id, page.sectionId),
              questionnaireId: id,
              questionnaireVersion: questionnaire.version,
              itemIds: page.itemIds,
              answers,
              complete: true,
              at: REPORT_AT,
            })
          }
        }
        await ls.repos.responses.submit(response.id, REPORT_AT)
      }
    }
    for (const [code, spares] of Object.entries(SPARE_INVITATIONS[waveSlug] ?? {})) {
      for (const [role, count] of spares) await admin.createInvitations({ wave: waveSlug, practice: code, count, ...(role ? { role } : {}) })
    }
  }
  // A response still in progress counts nowhere, and its free text is never shown.
  const unfinished = await ls.repos.responses.create({
    invitationId: null,
    practiceId: practices.get('N1')!.id,
    waveId: waves.get('follow-up')!.id,
    resumeToken: 'report-in-progress'.padEnd(24, 'x'),
    source: 'open_link',
    role: 'gp',
    setting: 'general_practice',
    at: REPORT_AT,
  })
  await ls.repos.responses.savePage({
    responseId: unfinished.id,
    pageKey: 'any',
    questionnaireId: 'good-practice',
    questionnaireVersion: ls.services.catalogue.get('good-practice').version,
    itemIds: ['gp_barriers', 'gp_facilitators'],
    answers: [
      { itemId: 'gp_barriers', value: UNSUBMITTED_TEXT },
      { itemId: 'gp_facilitators', value: UNSUBMITTED_TEXT },
    ],
    complete: true,
    at: REPORT_AT,
  })
  // A later wave nobody has answered yet.
  await admin.addWave({ programme: 'north', slug: 'year-two', title: 'Year two survey', questionnaires })
}

/** Rewrites every answer of these responses to the scored questionnaires: agree items to 1, 0–10 items to 0, free text to
 * a secret. Returns how many answers it rewrote. Raises their waves' scores version as every real write does, so the
 * next page is scored from the rewritten answers, not kept scores. */
export async function changeAnswers(ls: TestLinkscore, responseIds: readonly number[]): Promise<number> {
  const result = await ls.db
    .updateTable('answer')
    .set((eb) => ({
      value: eb
        .case()
        .when('item_id', 'in', ['gp_facilitators', 'gp_barriers'])
        .then('SECRET TEXT')
        .when('value', 'like', 'nr_%')
        .then(eb.ref('value'))
        .when('item_id', 'like', 'npt_general_%')
        .then('0')
        .else('1')
        .end(),
    }))
    .where('questionnaire_id', 'in', ['normalisation', 'good-practice'])
    .where('response_id', 'in', [...responseIds])
    .executeTakeFirst()
  const changed = await ls.db
    .selectFrom('response')
    .select(['id', 'wave_id'])
    .where('id', 'in', [...responseIds])
    .execute()
  for (const waveId of new Set(changed.map((r) => r.wave_id)))
    await bumpScoresVersion(ls.db, waveId, { responseIds: changed.filter((r) => r.wave_id === waveId).map((r) => r.id) })
  return Number(result.numUpdatedRows)
}
