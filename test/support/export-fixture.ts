// A small programme for the export tests: two waves of the pilot questionnaire, with a multi-choice item, "not relevant"
// answers, unanswered items, a response not yet submitted and one with no answers at all.
import type { Linkscore } from '../../server/boot.js'
import type { Practice } from '../../server/domain/practice.js'
import type { Wave } from '../../server/domain/wave.js'
import { PRACTICE_CONTEXT_COLUMNS } from '../../server/exports/practice-context.js'
import { questionnaireSchema, type Questionnaire, type Setting } from '../../server/questionnaires/definition-schema.js'

export const STARTED = '2026-03-01T09:00:00.000Z'
export const SUBMITTED = '2026-03-01T09:20:00.000Z'

export interface FixtureResponse {
  practice: string
  wave: string
  role: string | null
  setting: Setting | null
  answers: Record<string, string | string[]>
  submitted: boolean
  /** The language the response was given in, when not English. */
  language?: 'nl'
}

const gp = (answers: FixtureResponse['answers'], practice = 'N1', wave = 'baseline'): FixtureResponse => ({
  practice,
  wave,
  role: 'gp',
  setting: 'general_practice',
  answers,
  submitted: true,
})

export const FIXTURE_RESPONSES: FixtureResponse[] = [
  gp({
    p_role_years: 'short',
    p_leaders: '4',
    p_confidence: '8',
    p_training_gp: 'nr_role',
    p_training_lacking: '2',
    p_channels: ['colleagues', 'link_worker'],
    p_comments: 'Commas, "quotes"\nand a new line',
  }),
  gp({ p_role_years: 'long', p_leaders: '2', p_training_gp: '3', p_channels: ['directory'] }),
  gp({ p_role_years: 'long', p_leaders: '3', p_training_gp: '4', p_training_lacking: '4' }),
  {
    practice: 'N1',
    wave: 'baseline',
    role: 'link_worker',
    setting: 'link_worker',
    answers: { p_role_years: 'short', p_leaders: 'nr_stage', p_confidence: '0', p_training_lw: '5' },
    submitted: true,
    language: 'nl',
  },
  gp({ p_role_years: 'short', p_leaders: '5' }, 'N2'),
  { practice: 'N1', wave: 'baseline', role: 'community_org', setting: 'community', answers: { p_role_years: 'long', p_leaders: '1' }, submitted: false },
  { practice: 'N2', wave: 'baseline', role: null, setting: null, answers: {}, submitted: false },
  gp({ p_role_years: 'long', p_leaders: '5', p_training_gp: '4' }, 'N1', 'six-months'),
  gp({ p_role_years: 'long', p_leaders: '4', p_training_gp: '5' }, 'N1', 'six-months'),
  gp({ p_role_years: 'long', p_leaders: '4', p_training_gp: '4' }, 'N1', 'six-months'),
]

/** N1's context; N2 has none recorded, so its context columns are empty. */
export const N1_CONTEXT = { listSize: 5200, deprivationQuintile: 2, rurality: 'urban', spModel: 'Link worker in the practice' } as const
export const N1_STAGES = { baseline: 'piloting', 'six-months': 'implementing' } as const
/** The context columns of the exports, as written for N1 at baseline and for N2. */
export const N1_BASELINE_CONTEXT = ['5200', '2', 'urban', 'Link worker in the practice', 'piloting']
export const NO_CONTEXT = ['', '', '', '', '']

/**
 * Programme `north` (practices N1, N2 — N1 with its context and a stage at each wave; waves baseline and six-months) and programme `south` (S1, no waves).
 * `sixMonthsVersion: 2` stores PILOT_VERSION_2 and has the six-months responses answer it.
 */
export async function seedExportFixture(ls: Linkscore, { sixMonthsVersion = 1 }: { sixMonthsVersion?: 1 | 2 } = {}): Promise<void> {
  if (sixMonthsVersion === 2) await storePilotVersion2(ls)
  const admin = ls.services.admin
  await admin.addProgramme({ slug: 'north', name: 'North PCN' })
  await admin.addProgramme({ slug: 'south', name: 'South PCN' })
  const practices = new Map<string, Practice>()
  practices.set('N1', await admin.addPractice({ programme: 'north', code: 'N1', name: 'North N1', ...N1_CONTEXT }))
  practices.set('N2', await admin.addPractice({ programme: 'north', code: 'N2', name: 'North N2' }))
  await admin.addPractice({ programme: 'south', code: 'S1', name: 'South One' })
  const waves = new Map<string, Wave>()
  for (const [slug, title] of [
    ['baseline', 'Baseline'],
    ['six-months', 'Six months'],
  ] as const)
    waves.set(slug, await admin.addWave({ programme: 'north', slug, title, questionnaires: ['pilot'], open: true }))
  for (const [wave, stage] of Object.entries(N1_STAGES)) await ls.repos.practices.setStage(practices.get('N1')!.id, waves.get(wave)!.id, stage)
  for (const [n, f] of FIXTURE_RESPONSES.entries()) {
    await addFixtureResponse(ls, f, `export-fixture-${n}`, f.wave === 'six-months' ? sixMonthsVersion : 1, { practices, waves })
  }
}

/**
 * Adds one response to the north programme as the fixture's are made: its answers saved on one page, to `version` of
 * the pilot questionnaire, and submitted when it says so. Returns its id.
 */
export async function addFixtureResponse(
  ls: Linkscore,
  f: FixtureResponse,
  token: string,
  version: number,
  known: { practices?: Map<string, Practice>; waves?: Map<string, Wave> } = {},
): Promise<number> {
  const north = (await ls.repos.programmes.findBySlug('north'))!
  const practice = known.practices?.get(f.practice) ?? (await ls.repos.practices.findByCode(f.practice))!
  const wave = known.waves?.get(f.wave) ?? (await ls.repos.waves.findBySlug(north.id, f.wave))!
  const { id } = await ls.repos.responses.create({
    invitationId: null,
    practiceId: practice.id,
    waveId: wave.id,
    resumeToken: token.padEnd(24, 'x'),
    source: 'synthetic',
    role: f.role,
    setting: f.setting,
    at: STARTED,
    ...(f.language ? { language: f.language } : {}),
  })
  const answers = Object.entries(f.answers).flatMap(([itemId, value]) => [value].flat().map((v) => ({ itemId, value: v })))
  if (answers.length) {
    await ls.repos.responses.savePage({
      responseId: id,
      pageKey: 'all',
      questionnaireId: 'pilot',
      questionnaireVersion: version,
      itemIds: Object.keys(f.answers),
      answers,
      complete: true,
      at: STARTED,
    })
  }
  if (f.submitted) await ls.repos.responses.submit(id, SUBMITTED)
  return id
}

/** The responses export of the baseline wave, submitted responses only, as parsed CSV: header, then rows. */
export const RESPONSES_HEADER = [
  'response_id',
  'practice_code',
  'wave',
  'role',
  'setting',
  'status',
  'started_at',
  'submitted_at',
  'excluded',
  'language',
  ...PRACTICE_CONTEXT_COLUMNS,
  'p_role_years',
  'p_leaders',
  'p_confidence',
  'p_training_gp',
  'p_training_lw',
  'p_training_lacking',
  'p_channels__colleagues',
  'p_channels__directory',
  'p_channels__link_worker',
  'p_comments',
]
const submitted = (id: number, practice: string, role: string, setting: string, language = 'en-GB') => [
  String(id),
  practice,
  'baseline',
  role,
  setting,
  'submitted',
  STARTED,
  SUBMITTED,
  '0',
  language,
  ...(practice === 'N1' ? N1_BASELINE_CONTEXT : NO_CONTEXT),
]
export const SUBMITTED_RESPONSE_ROWS = [
  [...submitted(1, 'N1', 'gp', 'general_practice'), 'short', '4', '8', 'nr_role', '', '2', '1', '0', '1', 'Commas, "quotes"\nand a new line'],
  [...submitted(2, 'N1', 'gp', 'general_practice'), 'long', '2', '', '3', '', '', '0', '1', '0', ''],
  [...submitted(3, 'N1', 'gp', 'general_practice'), 'long', '3', '', '4', '', '4', '', '', '', ''],
  [...submitted(4, 'N1', 'link_worker', 'link_worker', 'nl'), 'short', 'nr_stage', '0', '', '5', '', '', '', '', ''],
  [...submitted(5, 'N2', 'gp', 'general_practice'), 'short', '5', '', '', '', '', '', '', '', ''],
]

/**
 * Stores version 2 of the pilot questionnaire as if it had been loaded once (a new item p_extra, a new p_channels option
 * "newsletter") and adds a baseline response in N1 that answered it. Returns the response id.
 */
export async function answerVersion2(ls: Linkscore, submitted: boolean): Promise<number> {
  const v2 = structuredClone(ls.services.catalogue.get('pilot')) as Questionnaire
  v2.sections[0]!.items.splice(2, 0, {
    id: 'p_extra',
    type: 'likert5',
    text: 'A new statement.',
    required: false,
    settings: ['general_practice'],
    reverse: false,
    notRelevant: [],
  })
  const channels = v2.sections[1]!.items.find((item) => item.id === 'p_channels')!
  if (channels.type === 'multi') channels.options.push({ code: 'newsletter', label: 'From a newsletter' })
  await ls.repos.questionnaireVersions.save('pilot', 2, 'version-2', JSON.stringify(questionnaireSchema.parse({ ...v2, version: 2 })))
  const answers = { p_extra: '3', p_channels: 'newsletter' }
  return addFixtureResponse(ls, { practice: 'N1', wave: 'baseline', role: 'gp', setting: 'general_practice', answers, submitted }, 'version-2-response', 2)
}

/**
 * Version 2 of the pilot questionnaire with other scored items: p_training_lw (training, link workers) is gone and
 * p_training_peers (training, general practice) is new. p_leaders, p_training_gp and p_training_lacking are asked as before.
 */
export function pilotVersion2(ls: Linkscore): Questionnaire {
  const v2 = structuredClone(ls.services.catalogue.get('pilot')) as Questionnaire
  const training = v2.sections[1]!
  training.items = training.items.flatMap((item) =>
    item.id === 'p_training_lw'
      ? [
          {
            id: 'p_training_peers',
            type: 'likert5',
            text: 'Colleagues show me how {intervention} works.',
            required: false,
            settings: ['general_practice'],
            reverse: false,
            notRelevant: [],
            scale: ['organisational', 'training'],
          },
        ]
      : [item],
  )
  return questionnaireSchema.parse({ ...v2, version: 2 })
}

async function storePilotVersion2(ls: Linkscore): Promise<void> {
  await ls.repos.questionnaireVersions.save('pilot', 2, 'version-2', JSON.stringify(pilotVersion2(ls)))
}
