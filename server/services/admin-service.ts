// Setting up programmes, practices, waves and invitations (the CLI's work until there is a web admin).
import { z } from 'zod'
import { ValidationError } from '../errors.js'
import { validate } from '../validation/validate.js'
import { ensureWritable } from './writable-programme.js'
import { unknownProgramme } from './unknown-programme.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme } from '../domain/programme.js'
import type { Language } from '../i18n/languages.js'
import type { Wave, WaveStatus } from '../domain/wave.js'
import { PRESETTABLE_ROLES } from '../survey/roles.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import { createWithShortCodes } from './new-invitations.js'

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and hyphens (e.g. "north-pcn")')
const isoDate = z.iso.date('use the form YYYY-MM-DD')

export const programmeInput = z.object({
  slug,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  intervention: z.string().trim().min(1).max(100).default('social prescribing'),
  isDemo: z.boolean().default(false),
})

export const practiceInput = z.object({
  programme: z.string(),
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, 'use letters, digits and hyphens (e.g. an ODS code such as "B86001")'),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  listSize: z.coerce.number().int().positive('must be a whole number above 0').optional(),
  deprivationQuintile: z.coerce.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').optional(),
  rurality: z.enum(['urban', 'rural']).optional(),
  spModel: z.string().trim().max(200).optional(),
})

const waveFields = z.object({
  programme: z.string(),
  // --wave all and ?wave=all mean every wave in the answers and responses exports.
  slug: slug.refine((s) => s !== 'all', '"all" is kept for exports of every wave: choose another short name'),
  title: z.string().trim().min(1, 'must not be empty').max(200),
  opensOn: isoDate.optional(),
  closesOn: isoDate.optional(),
  questionnaires: z.array(z.string()).min(1, 'name at least one questionnaire'),
  open: z.boolean().default(false),
})
const datesInOrder = (w: { opensOn?: string; closesOn?: string }) => !w.opensOn || !w.closesOn || w.opensOn <= w.closesOn
const DATES_IN_ORDER = { message: 'must not be before the opening date', path: ['closesOn'] }

export const waveInput = waveFields.refine(datesInOrder, DATES_IN_ORDER)
/** What an edit of a wave may set. */
export const waveChangeInput = waveFields.pick({ title: true, opensOn: true, closesOn: true, questionnaires: true }).refine(datesInOrder, DATES_IN_ORDER)
export const WAVE_LABELS = { opensOn: 'opens', closesOn: 'closes' }

/** Refuses questionnaire ids the catalogue does not have, and one listed twice. */
export function checkWaveQuestionnaires(catalogue: QuestionnaireCatalogue, ids: readonly string[]): void {
  const unknown = ids.filter((id) => !catalogue.find(id))
  if (unknown.length)
    throw ValidationError.of('questionnaires', {
      key: 'study:waves.errors.unknownQuestionnaire',
      values: {
        ids: unknown.map((u) => `"${u}"`).join(', '),
        available: catalogue
          .list()
          .map((q) => q.id)
          .join(', '),
      },
    })
  if (new Set(ids).size !== ids.length) throw ValidationError.of('questionnaires', { key: 'study:waves.errors.questionnaireTwice' })
}

export const invitesInput = z.object({
  programme: z.string().optional(),
  wave: z.string(),
  practice: z.string(),
  count: z.coerce.number().int().min(1, 'must be at least 1').max(10000, 'must be at most 10,000'),
  role: z.enum(PRESETTABLE_ROLES as [string, ...string[]], { message: `must be one of: ${PRESETTABLE_ROLES.join(', ')}` }).optional(),
})

export function createAdminService(repos: Pick<Repositories, 'programmes' | 'practices' | 'waves' | 'invitations'>, catalogue: QuestionnaireCatalogue) {
  async function programme(slug: string): Promise<Programme> {
    const p = await repos.programmes.findBySlug(slug)
    if (!p) throw await unknownProgramme('programme', slug, repos.programmes)
    return p
  }
  async function wave(programmeSlug: string, waveSlug: string): Promise<Wave> {
    const p = await programme(programmeSlug)
    const w = await repos.waves.findBySlug(p.id, waveSlug)
    if (!w) {
      const known = (await repos.waves.listByProgramme(p.id)).map((x) => x.slug).join(', ') || 'none yet'
      throw ValidationError.of('wave', `No wave "${waveSlug}" in programme "${p.slug}". Waves: ${known}`)
    }
    return w
  }

  /** A programme or wave about to be changed: refused when the programme is archived. */
  const writableProgramme = async (slug: string) => ensureWritable(await programme(slug))
  async function writableWave(programmeSlug: string, waveSlug: string): Promise<Wave> {
    await writableProgramme(programmeSlug)
    return wave(programmeSlug, waveSlug)
  }

  return {
    programme,
    wave,
    writableWave,

    async addProgramme(input: z.input<typeof programmeInput>): Promise<Programme> {
      const p = validate(programmeInput, input)
      if (await repos.programmes.findBySlug(p.slug)) throw ValidationError.of('slug', `A programme "${p.slug}" already exists`)
      return repos.programmes.create(p)
    },

    async addPractice(input: z.input<typeof practiceInput>) {
      const p = validate(practiceInput, input, { listSize: 'list size', deprivationQuintile: 'deprivation quintile', spModel: 'model' })
      const prog = await writableProgramme(p.programme)
      if (await repos.practices.findByCode(p.code)) throw ValidationError.of('code', `A practice with code "${p.code}" already exists`)
      return repos.practices.create({
        programmeId: prog.id,
        code: p.code,
        name: p.name,
        listSize: p.listSize ?? null,
        deprivationQuintile: p.deprivationQuintile ?? null,
        rurality: p.rurality ?? null,
        spModel: p.spModel ?? null,
      })
    },

    async addWave(input: z.input<typeof waveInput>): Promise<Wave> {
      const w = validate(waveInput, input, WAVE_LABELS)
      const prog = await writableProgramme(w.programme)
      if (await repos.waves.findBySlug(prog.id, w.slug))
        throw ValidationError.of('slug', { key: 'study:waves.errors.slugTaken', values: { programme: prog.slug, wave: w.slug } })
      checkWaveQuestionnaires(catalogue, w.questionnaires)
      return repos.waves.create({
        programmeId: prog.id,
        slug: w.slug,
        title: w.title,
        opensOn: w.opensOn ?? null,
        closesOn: w.closesOn ?? null,
        status: w.open ? 'open' : 'draft',
        questionnaireIds: w.questionnaires,
      })
    },

    async setWaveStatus(programmeSlug: string, waveSlug: string, status: WaveStatus): Promise<Wave> {
      const w = await writableWave(programmeSlug, waveSlug)
      await repos.waves.setStatus(w.id, status)
      return { ...w, status }
    },

    /** Creates invitations and returns their paths (/s/<token>), one per invitation. */
    async createInvitations(input: z.input<typeof invitesInput>): Promise<string[]> {
      const i = validate(invitesInput, input)
      const practice = await repos.practices.findByCode(i.practice)
      if (!practice) throw ValidationError.of('practice', `No practice with code "${i.practice}"`)
      const prog = (await repos.programmes.findById(practice.programmeId))!
      if (i.programme && i.programme !== prog.slug)
        throw ValidationError.of('programme', `Practice "${practice.code}" belongs to programme "${prog.slug}", not "${i.programme}"`)
      const w = await writableWave(prog.slug, i.wave)
      const invitations = await createWithShortCodes(repos, w.id, practice.id, i.count, i.role ?? null)
      return invitations.map((invitation) => `/s/${invitation.token}`)
    },

    /** Open links of demo programmes' open waves, for the home page and start-up message. */
    async demoOpenLinks() {
      const links: { path: string; practiceName: string; waveTitle: string; languages: readonly Language[] }[] = []
      for (const p of (await repos.programmes.list()).filter((x) => x.isDemo)) {
        const waves = (await repos.waves.listByProgramme(p.id)).filter((w) => w.status === 'open')
        for (const practice of await repos.practices.listByProgramme(p.id))
          links.push(...waves.map((w) => ({ path: `/p/${practice.code}/${w.slug}`, practiceName: practice.name, waveTitle: w.title, languages: p.languages })))
      }
      return links
    },
  }
}
export type AdminService = ReturnType<typeof createAdminService>
