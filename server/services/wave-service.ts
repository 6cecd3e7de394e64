// Running a programme's waves, from the browser and the command line alike: listing, adding, copying, editing, opening
// and closing them. Each change and its audit line are written in one transaction.
import type { z } from 'zod'
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { completionTime, type CompletionTime } from '../domain/completion-time.js'
import type { Programme } from '../domain/programme.js'
import { dayText, NO_ACTIVITY, type Wave, type WaveActivity, type WaveChange } from '../domain/wave.js'
import { ValidationError } from '../errors.js'
import type { Message } from '../i18n/translate.js'
import { validate } from '../validation/validate.js'
import { checkWaveQuestionnaires, createAdminService, waveChangeInput, WAVE_LABELS, type waveInput } from './admin-service.js'
import { createAuditService, type AuditAction, type AuditActor, type AuditDetail } from './audit-service.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'

export interface WaveSummary {
  wave: Wave
  activity: WaveActivity
}

/** What opening or closing a wave touches, for the page that asks to confirm it. */
export interface WaveReach {
  practices: number
  invitations: number
}

/** Unset fields keep the wave's values; an empty date clears it. */
export interface WaveEdit {
  title?: string
  opensOn?: string | null
  closesOn?: string | null
  questionnaires?: string[]
}

const dateText = (d: string | null) => (d ? dayText(d) : 'no date')
const listText = (ids: readonly string[]) => ids.join(', ')

/** The fields that differ, in words: "Closes: 27 February 2026 → 6 March 2026". */
export function waveChanges(before: WaveChange, after: WaveChange): string[] {
  const changes: string[] = []
  if (before.title !== after.title) changes.push(`Title: "${before.title}" → "${after.title}"`)
  if (before.opensOn !== after.opensOn) changes.push(`Opens: ${dateText(before.opensOn)} → ${dateText(after.opensOn)}`)
  if (before.closesOn !== after.closesOn) changes.push(`Closes: ${dateText(before.closesOn)} → ${dateText(after.closesOn)}`)
  if (listText(before.questionnaireIds) !== listText(after.questionnaireIds))
    changes.push(`Questionnaires: ${listText(before.questionnaireIds)} → ${listText(after.questionnaireIds)}`)
  return changes
}

/** Why a wave cannot be opened today, or undefined when it can. */
export function openRefusal(wave: Pick<Wave, 'title' | 'closesOn'>, today: string): Message | undefined {
  if (wave.closesOn && wave.closesOn < today)
    return { key: 'study:waves.errors.cannotOpen', values: { title: wave.title, closes: new Date(`${wave.closesOn}T00:00:00Z`) } }
  return undefined
}

export function createWaveService(repos: Repositories, catalogue: QuestionnaireCatalogue, clock: Clock) {
  const admin = createAdminService(repos, catalogue)
  const today = () => clock.now().toISOString().slice(0, 10)
  const activityOf = async (wave: Wave) => (await repos.waves.activity(wave.programmeId)).get(wave.id) ?? NO_ACTIVITY
  const audited = <T>(actor: AuditActor, action: AuditAction, work: (trx: Repositories) => Promise<T>, detail: (result: T) => AuditDetail) =>
    repos.transaction(async (trx) => {
      const result = await work(trx)
      await createAuditService(trx, clock).audit(actor, action, detail(result))
      return result
    })

  async function setStatus(actor: AuditActor, programmeSlug: string, waveSlug: string, status: 'open' | 'closed'): Promise<Wave> {
    const wave = await admin.writableWave(programmeSlug, waveSlug)
    const refusal = status === 'open' ? openRefusal(wave, today()) : undefined
    if (refusal) throw ValidationError.of('closesOn', refusal)
    if (wave.status === status) return wave
    // Closing deletes the e-mail addresses of the wave's invitations in the same transaction: none outlives the wave.
    const { changed } = await audited(
      actor,
      status === 'open' ? 'wave opened' : 'wave closed',
      async (trx) => {
        await trx.waves.setStatus(wave.id, status)
        const addressesDeleted = status === 'closed' ? await trx.invitationAddresses.removeByWave(wave.id) : 0
        return { changed: { ...wave, status }, addressesDeleted }
      },
      ({ changed, addressesDeleted }) => ({
        programme: programmeSlug,
        wave: changed.slug,
        status: `${wave.status} → ${changed.status}`,
        ...(addressesDeleted ? { addressesDeleted } : {}),
      }),
    )
    return changed
  }

  return {
    today,

    async list(programme: Programme): Promise<WaveSummary[]> {
      const activity = await repos.waves.activity(programme.id)
      return (await repos.waves.listByProgramme(programme.id)).map((wave) => ({ wave, activity: activity.get(wave.id) ?? NO_ACTIVITY }))
    },

    /** How long people took over each of the programme's waves, measured (see domain/completion-time.ts); every wave has one. */
    async completionTimes(programme: Programme): Promise<Map<number, CompletionTime>> {
      const sent = await repos.waves.startsAndSends(programme.id)
      const waves = await repos.waves.listByProgramme(programme.id)
      return new Map(waves.map((wave) => [wave.id, completionTime(sent.get(wave.id) ?? [])]))
    },

    async summary(programmeSlug: string, waveSlug: string): Promise<WaveSummary> {
      const wave = await admin.wave(programmeSlug, waveSlug)
      return { wave, activity: await activityOf(wave) }
    },

    async reach(wave: Wave): Promise<WaveReach> {
      return { practices: (await repos.practices.listByProgramme(wave.programmeId)).length, invitations: (await activityOf(wave)).invitations }
    },

    async add(actor: AuditActor, input: z.input<typeof waveInput>): Promise<Wave> {
      if (input.open && input.closesOn) {
        const refusal = openRefusal({ title: input.title, closesOn: input.closesOn }, today())
        if (refusal) throw ValidationError.of('closesOn', refusal)
      }
      return audited(
        actor,
        'wave added',
        (trx) => createAdminService(trx, catalogue).addWave(input),
        (w) => ({ programme: input.programme, wave: w.slug, title: w.title, ...waveWords(w), status: w.status }),
      )
    },

    /** A new wave with the questionnaires of wave `from`, in the same order. */
    async copy(
      actor: AuditActor,
      from: { programme: string; wave: string },
      input: Omit<z.input<typeof waveInput>, 'programme' | 'questionnaires'>,
    ): Promise<Wave> {
      const source = await admin.wave(from.programme, from.wave)
      return this.add(actor, { ...input, programme: from.programme, questionnaires: source.questionnaireIds })
    },

    async edit(actor: AuditActor, programmeSlug: string, waveSlug: string, edit: WaveEdit): Promise<Wave> {
      const wave = await admin.writableWave(programmeSlug, waveSlug)
      const pick = <T>(given: T | undefined, current: T) => (given === undefined ? current : given)
      const valid = validate(
        waveChangeInput,
        {
          title: pick(edit.title, wave.title),
          opensOn: pick(edit.opensOn, wave.opensOn) || undefined,
          closesOn: pick(edit.closesOn, wave.closesOn) || undefined,
          questionnaires: pick(edit.questionnaires, wave.questionnaireIds),
        },
        WAVE_LABELS,
      )
      const after: WaveChange = { title: valid.title, opensOn: valid.opensOn ?? null, closesOn: valid.closesOn ?? null, questionnaireIds: valid.questionnaires }
      const changes = waveChanges(wave, after)
      if (changes.length === 0) return wave
      if (listText(wave.questionnaireIds) !== listText(after.questionnaireIds)) {
        checkWaveQuestionnaires(catalogue, after.questionnaireIds)
        const { answered } = await activityOf(wave)
        if (answered > 0)
          throw ValidationError.of('questionnaires', { key: 'study:waves.errors.questionnairesAnswered', values: { title: wave.title, count: answered } })
      }
      return audited(
        actor,
        'wave changed',
        async (trx) => (await trx.waves.update(wave.id, after), { ...wave, ...after }),
        () => ({ programme: programmeSlug, wave: wave.slug, changes }),
      )
    },

    open: (actor: AuditActor, programmeSlug: string, waveSlug: string) => setStatus(actor, programmeSlug, waveSlug, 'open'),
    close: (actor: AuditActor, programmeSlug: string, waveSlug: string) => setStatus(actor, programmeSlug, waveSlug, 'closed'),
  }
}

const waveWords = (w: Wave) => ({ opens: dateText(w.opensOn), closes: dateText(w.closesOn), questionnaires: w.questionnaireIds })

export type WaveService = ReturnType<typeof createWaveService>
