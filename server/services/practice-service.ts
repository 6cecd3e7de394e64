// A programme's practices, from the browser and the command line alike: the list with stages and counts per wave, adding,
// changing and removing one, and importing many from a CSV file (practice-import.ts). Each change and its audit line, in
// words, are written in one transaction; a save that changes nothing writes nothing.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { ImplementationStage, Practice, PracticeDetails } from '../domain/practice.js'
import type { Programme } from '../domain/programme.js'
import type { Wave } from '../domain/wave.js'
import { ValidationError } from '../errors.js'
import type { Message } from '../i18n/translate.js'
import { ensureWritable } from './writable-programme.js'
import { createAuditService, type AuditActor } from './audit-service.js'
import { parsePracticeFields, practiceChanges, practiceWords, type StageChoices } from './practice-fields.js'
import { applyImport, codeTaken, planImport, readCsvFile, type ImportPlan } from './practice-import.js'
import { unknownProgramme } from './unknown-programme.js'

export interface PracticeSummary {
  practice: Practice
  /** By wave id; a wave without a stage recorded is missing. */
  stages: Map<number, ImplementationStage>
  /** Submitted responses not set aside, by wave id. */
  submitted: Map<number, number>
}

/** What a form or command gives: unset fields keep their values, an empty one clears it; stages are by wave slug. */
export type PracticeInput = Partial<Record<'code' | 'name' | 'listSize' | 'deprivationQuintile' | 'rurality' | 'spModel', string | number | null>> & {
  stages?: Record<string, string>
}

const detailsOf = (p: Practice): PracticeDetails => ({
  code: p.code,
  name: p.name,
  listSize: p.listSize,
  deprivationQuintile: p.deprivationQuintile,
  rurality: p.rurality,
  spModel: p.spModel,
})

export function createPracticeService(repos: Repositories, clock: Clock) {
  async function programme(slug: string): Promise<Programme> {
    const found = await repos.programmes.findBySlug(slug)
    if (!found) throw await unknownProgramme('programme', slug, repos.programmes)
    return found
  }
  async function stagesOf(practice: Practice): Promise<Map<number, ImplementationStage>> {
    const rows = await repos.practices.stages(practice.programmeId)
    return new Map(rows.filter((r) => r.practiceId === practice.id).map((r) => [r.waveId, r.stage]))
  }
  async function setStages(trx: Repositories, practiceId: number, stages: StageChoices) {
    for (const [waveId, stage] of stages) await trx.practices.setStage(practiceId, waveId, stage)
  }
  function parse(input: Record<string, unknown>, stages: Record<string, string>, waves: readonly Wave[]) {
    const parsed = parsePracticeFields(input, stages, waves)
    if ('issues' in parsed) throw new ValidationError(parsed.issues)
    return parsed
  }

  return {
    programme,

    /** The practice with this code; in `programmeSlug` when given. */
    async practice(code: string, programmeSlug?: string): Promise<{ programme: Programme; practice: Practice }> {
      const practice = await repos.practices.findByCode(code)
      const owner = practice && (await repos.programmes.findById(practice.programmeId))
      if (!practice || !owner || (programmeSlug !== undefined && owner.slug !== programmeSlug)) {
        throw ValidationError.of(
          'code',
          programmeSlug
            ? { key: 'study:practice.errors.notFoundIn', values: { code, programme: programmeSlug } }
            : { key: 'study:practice.errors.notFound', values: { code } },
        )
      }
      return { programme: owner, practice }
    },

    waves: (p: Programme) => repos.waves.listByProgramme(p.id),

    async list(p: Programme): Promise<PracticeSummary[]> {
      const [practices, stages, counts] = await Promise.all([
        repos.practices.listByProgramme(p.id),
        repos.practices.stages(p.id),
        repos.practices.submittedCounts(p.id),
      ])
      return practices.map((practice) => ({
        practice,
        stages: new Map(stages.filter((s) => s.practiceId === practice.id).map((s) => [s.waveId, s.stage])),
        submitted: new Map(counts.filter((c) => c.practiceId === practice.id).map((c) => [c.waveId, c.n])),
      }))
    },

    async add(actor: AuditActor, programmeSlug: string, input: PracticeInput): Promise<Practice> {
      const p = ensureWritable(await programme(programmeSlug))
      const waves = await repos.waves.listByProgramme(p.id)
      const { details, stages } = parse(input, input.stages ?? {}, waves)
      const taken = await repos.practices.findByCode(details.code)
      if (taken) {
        const owner = taken.programmeId === p.id ? p : await repos.programmes.findById(taken.programmeId)
        throw ValidationError.of('code', codeTaken(details.code, owner?.name))
      }
      return repos.transaction(async (trx) => {
        const created = await trx.practices.create({ programmeId: p.id, ...details })
        await setStages(trx, created.id, stages)
        await createAuditService(trx, clock).audit(actor, 'practice added', {
          programme: p.slug,
          practice: created.code,
          name: created.name,
          details: practiceWords(details, stages, waves),
        })
        return created
      })
    },

    /** The code stays: open links carry it. Stages of waves not given keep theirs. */
    async edit(actor: AuditActor, code: string, input: PracticeInput, programmeSlug?: string): Promise<Practice> {
      const { programme: p, practice } = await this.practice(code, programmeSlug)
      ensureWritable(p)
      const waves = await repos.waves.listByProgramme(p.id)
      const unknown = Object.keys(input.stages ?? {}).filter((slug) => !waves.some((w) => w.slug === slug))
      if (unknown.length) {
        const values = { wave: unknown[0], programme: p.slug, waves: waves.map((w) => w.slug).join(', ') }
        throw ValidationError.of('stage', { key: waves.length ? 'study:practice.errors.unknownWave' : 'study:practice.errors.unknownWaveNone', values })
      }
      const before = detailsOf(practice)
      const merged = Object.fromEntries(
        (Object.keys(before) as (keyof PracticeDetails)[]).map((k) => [k, k === 'code' ? code : input[k] === undefined ? before[k] : input[k]]),
      )
      const { details, stages } = parse(merged, input.stages ?? {}, waves)
      const changes = practiceChanges(before, details, await stagesOf(practice), stages, waves)
      if (changes.length === 0) return practice
      return repos.transaction(async (trx) => {
        await trx.practices.update(practice.id, details)
        await setStages(trx, practice.id, stages)
        await createAuditService(trx, clock).audit(actor, 'practice changed', { programme: p.slug, practice: code, changes })
        return { ...practice, ...details }
      })
    },

    /** Why the practice cannot be removed, or undefined when it can. */
    async removalRefusal(practice: Practice): Promise<Message | undefined> {
      const n = await repos.practices.responseCount(practice.id)
      if (n === 0) return undefined
      return { key: 'study:practice.errors.removalRefusal', values: { name: practice.name, count: n } }
    },

    async remove(actor: AuditActor, code: string, programmeSlug?: string): Promise<Practice> {
      const { programme: p, practice } = await this.practice(code, programmeSlug)
      ensureWritable(p)
      const refusal = await this.removalRefusal(practice)
      if (refusal) throw ValidationError.of('code', refusal)
      return repos.transaction(async (trx) => {
        await trx.practices.remove(practice.id)
        await createAuditService(trx, clock).audit(actor, 'practice removed', { programme: p.slug, practice: code, name: practice.name })
        return practice
      })
    },

    /** What importing the file would do, row by row; nothing is written. */
    async previewImport(programmeSlug: string, file: Uint8Array): Promise<ImportPlan> {
      const p = await programme(programmeSlug)
      return planImport(repos, p, readCsvFile(file))
    },

    /**
     * Adds and changes what the preview showed, in one transaction, unless the plan is no longer the one previewed (`planId`):
     * then nothing is written and the new plan comes back with the refusal.
     */
    async confirmImport(actor: AuditActor, programmeSlug: string, file: Uint8Array, planId: string): Promise<ImportPlan> {
      const p = ensureWritable(await programme(programmeSlug))
      const plan = await planImport(repos, p, readCsvFile(file))
      if (plan.id !== planId) throw ValidationError.of('file', { key: 'study:practices.import.errors.changedMeanwhile' })
      await repos.transaction((trx) => applyImport(trx, createAuditService(trx, clock), actor, p, plan))
      return plan
    },
  }
}
export type PracticeService = ReturnType<typeof createPracticeService>
