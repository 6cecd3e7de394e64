// A synthetic programme at any scale, built through the real services and repositories, so that anyone can
// reproduce the speed figures (`linkscore demo generate`, and the benchmarks). Labelled synthetic in its name, its
// practices' and waves' names, and every response's source.
import { z } from 'zod'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Rurality } from '../domain/practice.js'
import type { Wave } from '../domain/wave.js'
import { createServices, type Services } from '../services/index.js'
import { findRole } from '../survey/roles.js'
import { newToken } from '../services/tokens.js'
import { DEMO_PRACTICES, DEMO_ROLE_MIX, type AnswerProfile } from './demo-profiles.js'
import { seededRandom, type SeededRandom } from './seeded-random.js'
import { answerAndSubmit, demoQuestionnaires } from './seed-demo.js'

const whole = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number from ${min} to ${max}` })
    .int({ error: `${name} must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${name} must be a whole number from ${min} to ${max}` })
    .max(max, { error: `${name} must be a whole number from ${min} to ${max}` })

export const generateOptions = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: '--slug must be 1 to 40 lower-case letters, digits or hyphens, such as synthetic' })
    .default('synthetic'),
  practices: whole('--practices', 1, 5000),
  respondents: whole('--respondents', 1, 500),
  waves: whole('--waves', 1, 6),
  seed: whole('--seed', 0, 2 ** 32 - 1).default(1),
})
export type GenerateOptions = z.output<typeof generateOptions>

export interface Generated {
  slug: string
  practices: number
  waves: number
  responses: number
}

const MODELS = [
  'Link workers employed by the primary care network',
  'A voluntary sector partner hosts the link workers',
  'Link workers employed by the practice',
]
const FIRST_WAVE_OPENS = Date.UTC(2026, 0, 5)
const DAY_MS = 86_400_000

/** Wave w (0-based) opens six months after the one before; all but the last are closed. */
function waveDates(w: number) {
  const opens = new Date(FIRST_WAVE_OPENS + w * 182 * DAY_MS)
  const closes = new Date(opens.getTime() + 55 * DAY_MS)
  return {
    opensOn: opens.toISOString().slice(0, 10),
    closesOn: closes.toISOString().slice(0, 10),
    at: new Date(opens.getTime() + 14 * DAY_MS + 10 * 3_600_000).toISOString(),
  }
}

/** A practice's way of answering: one of the demo's three profiles, moved a little, improving by `lift` a wave. */
function practiceProfile(random: SeededRandom, p: number): { profile: AnswerProfile; lift: number } {
  const shape = DEMO_PRACTICES[p % DEMO_PRACTICES.length]!.profile
  const shift = random.normal(0, 0.3)
  const byScale = Object.fromEntries(Object.entries(shape.byScale).map(([scale, level]) => [scale, level + shift]))
  return { profile: { ...shape, base: shape.base + shift, byScale }, lift: random.normal(0.15, 0.15) }
}

const lifted = (profile: AnswerProfile, by: number): AnswerProfile => ({
  ...profile,
  base: profile.base + by,
  byScale: Object.fromEntries(Object.entries(profile.byScale).map(([scale, level]) => [scale, level + by])),
})

/**
 * Adds the programme, its practices and waves, and `respondents` submitted synthetic responses per practice and wave.
 * Each practice's responses are written in one transaction; the same options give the same answers on every machine.
 */
export async function generateProgramme(repos: Repositories, services: Services, options: GenerateOptions): Promise<Generated> {
  const { slug, practices, respondents, waves } = options
  const random = seededRandom(options.seed)
  await services.admin.addProgramme({ slug, name: `Synthetic programme: ${practices} practices (synthetic data)`, intervention: 'social prescribing' })
  const questionnaires = demoQuestionnaires(services.catalogue)
  const added: Wave[] = []
  for (let w = 0; w < waves; w++) {
    const { opensOn, closesOn } = waveDates(w)
    const last = w === waves - 1
    added.push(
      await services.admin.addWave({
        programme: slug,
        slug: `wave-${w + 1}`,
        title: `Wave ${w + 1} (synthetic)`,
        opensOn,
        questionnaires,
        ...(last ? {} : { closesOn }),
      }),
    )
  }
  let responses = 0
  for (let p = 0; p < practices; p++) {
    const { profile, lift } = practiceProfile(random, p)
    await repos.transaction(async (trx) => {
      const inTransaction = createServices(trx, services.catalogue)
      const practice = await inTransaction.admin.addPractice({
        programme: slug,
        // Practice codes are unique across programmes (they are in open links), so each starts with the programme's.
        code: `${slug.slice(0, 26).replace(/-+$/, '').toUpperCase()}-${String(p + 1).padStart(4, '0')}`,
        name: `Synthetic practice ${p + 1}`,
        listSize: 3000 + Math.round(random.next() * 17000),
        deprivationQuintile: 1 + (p % 5),
        rurality: (p % 3 === 2 ? 'rural' : 'urban') satisfies Rurality,
        spModel: MODELS[p % MODELS.length],
      })
      for (const [w, wave] of added.entries()) {
        for (let r = 0; r < respondents; r++) {
          const role = findRole(DEMO_ROLE_MIX[r % DEMO_ROLE_MIX.length]!)!
          const { at } = waveDates(w)
          const response = await trx.responses.create({
            invitationId: null,
            practiceId: practice.id,
            waveId: wave.id,
            resumeToken: newToken(),
            source: 'synthetic',
            role: role.code,
            setting: role.setting!,
            at,
            language: 'en-GB',
          })
          const answers = { responseId: response.id, role: role.code, setting: role.setting!, questionnaireIds: wave.questionnaireIds, at }
          await answerAndSubmit(trx, services.catalogue, { ...answers, profile: lifted(profile, w * lift), random })
          responses++
        }
      }
    })
  }
  // Earlier waves closed, the latest open, as in a study under way.
  for (const [w, wave] of added.entries()) await repos.waves.setStatus(wave.id, w === waves - 1 ? 'open' : 'closed')
  return { slug, practices, waves, responses }
}
