// Creates the demo programme on an empty database: three practices, three waves with synthetic submitted responses,
// and the first practice's action plan.
import type { Repositories } from '../data/repository-interfaces.js'
import { isUniqueViolation } from '../data/unique-violation.js'
import type { Wave } from '../domain/wave.js'
import type { Language } from '../i18n/languages.js'
import type { Setting } from '../questionnaires/definition-schema.js'
import { createServices, type Services } from '../services/index.js'
import type { QuestionnaireCatalogue } from '../services/questionnaire-catalogue.js'
import { createWithShortCodes } from '../services/new-invitations.js'
import { newToken } from '../services/tokens.js'
import { sectionPageKey, ABOUT_YOU } from '../survey/journey-pages.js'
import { findRole } from '../survey/roles.js'
import { recordDemoActions } from './demo-action-plan.js'
import { DEMO_PRACTICES, DEMO_RESPONSES_PER_PRACTICE, DEMO_ROLE_MIX, movedBy, type AnswerProfile } from './demo-profiles.js'
import { seededRandom, type SeededRandom } from './seeded-random.js'
import { syntheticPages } from './synthetic-answers.js'

export const DEMO_SLUG = 'demo'
const DEMO_QUESTIONNAIRE_ORDER = ['context', 'normalisation', 'good-practice']
/** Added to the seed for the twelve-month wave's draw. */
const TWELVE_MONTH_DRAW = 12

/** Every questionnaire loaded, the demo's three first in the order respondents meet them. */
export function demoQuestionnaires(catalogue: QuestionnaireCatalogue): string[] {
  const available = new Set(catalogue.list().map((q) => q.id))
  return [...DEMO_QUESTIONNAIRE_ORDER.filter((id) => available.has(id)), ...[...available].filter((id) => !DEMO_QUESTIONNAIRE_ORDER.includes(id)).sort()]
}

export interface DemoLinks {
  created: boolean
  invitationPath: string
  openLinkPath: string
}

/** Seeds the demo once (only into a database with no programmes) and returns links to try. */
export async function seedDemo(repos: Repositories, services: Services, seed = 20261121): Promise<DemoLinks | undefined> {
  // All of the demo or none of it; the services inside work on the transaction's repositories.
  const created =
    (await repos.programmes.count()) === 0 &&
    (await repos.transaction((trx) => createDemo(trx, createServices(trx, services.catalogue), seed)).then(() => true, unlessSeededElsewhere))
  const programme = await repos.programmes.findBySlug(DEMO_SLUG)
  if (!programme?.isDemo) return undefined
  const wave = (await repos.waves.listByProgramme(programme.id)).find((w) => w.status === 'open')
  const practice = (await repos.practices.listByProgramme(programme.id))[0]
  if (!wave || !practice) return undefined
  const unused = await repos.invitations.findUnused(wave.id, practice.id)
  const invitationPath = unused ? `/s/${unused.token}` : (await services.admin.createInvitations({ wave: wave.slug, practice: practice.code, count: 1 }))[0]!
  return { created, invitationPath, openLinkPath: `/p/${practice.code}/${wave.slug}` }
}

/** Two app processes starting at once on a new database both try: the one whose demo comes second is rolled back. */
function unlessSeededElsewhere(error: unknown): false {
  if (!isUniqueViolation(error)) throw error
  return false
}

async function createDemo(repos: Repositories, services: Services, seed: number): Promise<void> {
  const admin = services.admin
  const programme = await admin.addProgramme({ slug: DEMO_SLUG, name: 'Demo programme (synthetic data)', intervention: 'social prescribing', isDemo: true })
  // What a real study tells respondents, worded for a demo, so the start and privacy pages show the parts filled in.
  await repos.programmes.update(programme.id, {
    ...programme,
    organisation: 'the Linkscore demonstration (not a real study)',
    retention: 'in this demonstration database only, until whoever runs it deletes it',
    // Both languages, so a newcomer sees the Dutch journey beside the English one.
    languages: ['en-GB', 'nl'],
    interventionNames: { nl: 'welzijn op recept' },
  })
  const questionnaires = demoQuestionnaires(services.catalogue)
  const practices = []
  for (const { practice } of DEMO_PRACTICES)
    practices.push(
      await admin.addPractice({
        programme: DEMO_SLUG,
        ...practice,
        listSize: practice.listSize ?? undefined,
        deprivationQuintile: practice.deprivationQuintile ?? undefined,
        rurality: practice.rurality ?? undefined,
        spModel: practice.spModel ?? undefined,
      }),
    )
  const baseline = await admin.addWave({
    programme: DEMO_SLUG,
    slug: 'baseline',
    title: 'Baseline survey (demo)',
    opensOn: '2026-01-05',
    closesOn: '2026-02-27',
    questionnaires,
  })
  const sixMonths = await admin.addWave({
    programme: DEMO_SLUG,
    slug: 'six-months',
    title: 'Six-month survey (demo)',
    opensOn: '2026-07-01',
    closesOn: '2026-08-28',
    questionnaires,
  })
  const twelveMonths = await admin.addWave({
    programme: DEMO_SLUG,
    slug: 'twelve-months',
    title: 'Twelve-month survey (demo)',
    opensOn: '2026-11-30',
    questionnaires,
    open: true,
  })
  const random = seededRandom(seed)
  const sixMonthProfiles = []
  for (const [p, practice] of practices.entries()) {
    const profile = DEMO_PRACTICES[p]!.profile
    await addSyntheticResponses(repos, services, baseline, practice.id, profile, random, '2026-01-20T10:00:00.000Z')
    const improved = movedBy(profile, { base: 0.25, byScale: {} })
    sixMonthProfiles.push(improved)
    await addSyntheticResponses(repos, services, sixMonths, practice.id, improved, random, '2026-07-15T10:00:00.000Z')
  }
  // A draw of its own, so the first two waves' answers stay what they were before the demo had a third.
  const later = seededRandom(seed + TWELVE_MONTH_DRAW)
  for (const [p, practice] of practices.entries())
    await addSyntheticResponses(
      repos,
      services,
      twelveMonths,
      practice.id,
      movedBy(sixMonthProfiles[p]!, DEMO_PRACTICES[p]!.sixToTwelve),
      later,
      '2026-12-02T10:00:00.000Z',
    )
  await repos.waves.setStatus(baseline.id, 'closed')
  await repos.waves.setStatus(sixMonths.id, 'closed')
  // What the first practice's steering group agreed after each of the last two surveys: the twelve-month scorecard shows
  // the six-month actions beside the change since, and its own priorities with theirs.
  const seeded = (await repos.programmes.findBySlug(DEMO_SLUG))!
  for (const wave of [sixMonths, twelveMonths]) await recordDemoActions(repos, services, seeded, practices[0]!, wave)
}

async function addSyntheticResponses(
  repos: Repositories,
  services: Services,
  wave: Wave,
  practiceId: number,
  profile: AnswerProfile,
  random: SeededRandom,
  at: string,
): Promise<void> {
  for (let r = 0; r < DEMO_RESPONSES_PER_PRACTICE; r++) {
    const role = findRole(DEMO_ROLE_MIX[r % DEMO_ROLE_MIX.length]!)!
    const setting = role.setting!
    // Some answered in Dutch, as in a programme that offers both: the exports show it; the answers' codes are alike.
    const language = r % 4 === 3 ? 'nl' : 'en-GB'
    // Each through a personal invitation of its own, as a study's staff would answer, so the rates read as in one.
    const [made] = await createWithShortCodes(repos, wave.id, practiceId, 1, null)
    const invitation = (await repos.invitations.findByToken(made!.token))!
    await repos.invitations.markUsed(invitation.id, at)
    const response = await repos.responses.create({
      invitationId: invitation.id,
      practiceId,
      waveId: wave.id,
      resumeToken: newToken(),
      source: 'synthetic',
      role: role.code,
      setting,
      at,
      language,
    })
    await answerAndSubmit(repos, services.catalogue, {
      responseId: response.id,
      role: role.code,
      setting,
      questionnaireIds: wave.questionnaireIds,
      profile,
      random,
      at,
      language,
    })
  }
}

/** Gives a started response a role and synthetic answers to each questionnaire (a page at a time, as saved), and submits it. */
export async function answerAndSubmit(
  repos: Pick<Repositories, 'responses'>,
  catalogue: QuestionnaireCatalogue,
  r: {
    responseId: number
    role: string
    setting: Setting
    questionnaireIds: readonly string[]
    profile: AnswerProfile
    random: SeededRandom
    at: string
    /** What its free text is written in: the response's language. */
    language?: Language
  },
): Promise<void> {
  const { responseId, setting, at } = r
  await repos.responses.saveRole({ responseId, role: r.role, setting, pageKey: ABOUT_YOU, at, hiddenItems: [], pagesToForget: [] })
  for (const id of r.questionnaireIds) {
    const questionnaire = catalogue.get(id)
    for (const page of syntheticPages(questionnaire, setting, r.profile, r.random, r.language)) {
      await repos.responses.savePage({
        responseId,
        pageKey: sectionPageKey(id, page.sectionId),
        questionnaireId: id,
        questionnaireVersion: questionnaire.version,
        itemIds: page.itemIds,
        answers: page.answers,
        complete: true,
        at,
      })
    }
  }
  await repos.responses.submit(responseId, at)
}
