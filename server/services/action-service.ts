// The action plan: for a priority on a practice's scorecard, the steering group records an agreed action, its owner and
// a review date, and may change or remove it. Each change and its audit line are written in one transaction. Who may
// is decided before (the practice's own pages: see staff-access.ts); an archived programme is read-only.
import { z } from 'zod'
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import { isUniqueViolation } from '../data/unique-violation.js'
import type { ActionPriority, ActionText, PracticeAction, PracticeActionExportRow } from '../domain/practice-action.js'
import type { Practice } from '../domain/practice.js'
import type { Programme } from '../domain/programme.js'
import type { StaffUser } from '../domain/staff-user.js'
import type { Wave } from '../domain/wave.js'
import { NotFoundError } from '../errors.js'
import type { MessageKey } from '../i18n/translate.js'
import { allScales } from '../questionnaires/questionnaire-model.js'
import { validate } from '../validation/validate.js'
import { createAuditService } from './audit-service.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import { ensureWritable } from './writable-programme.js'

export const MAX_ACTION_LENGTH = 500
export const MAX_OWNER_LENGTH = 100
/** How far ahead a review may be set: a plan is for the next wave or two, not for ever. */
export const REVIEW_YEARS_AHEAD = 2

/** A priority as a page or the command line names it: the wave's short name, the questionnaire and the scale's key. */
export interface PriorityRef {
  wave: string
  questionnaire: string
  scale: string
}

/** Who records an action: a signed-in staff member, or the server seeding its demo's action plan at start-up. */
export type ActionRecorder = StaffUser | { kind: 'start-up' }

/** A priority found: its wave, the scale's path and the action recorded for it, if any. */
export interface FoundPriority {
  wave: Wave
  priority: ActionPriority
  scalePath: string[]
  scaleName: string
  action: PracticeAction | undefined
}

const REAL_DATE = /^\d{4}-\d{2}-\d{2}$/
const isRealDate = (d: string) => REAL_DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d)

const issue = (error: MessageKey) => ({ error })

/** The rules for what people type; `opensOn` is the wave's opening date (none: any date), `today` the date now. */
export function actionSchema(opensOn: string | null, today: string) {
  const latest = `${Number(today.slice(0, 4)) + REVIEW_YEARS_AHEAD}${today.slice(4)}`
  return z.object({
    action: z
      .string(issue('actions:errors.actionMissing'))
      .trim()
      .min(1, issue('actions:errors.actionMissing'))
      .max(MAX_ACTION_LENGTH, issue('actions:errors.actionTooLong')),
    owner: z
      .string(issue('actions:errors.ownerMissing'))
      .trim()
      .min(1, issue('actions:errors.ownerMissing'))
      .max(MAX_OWNER_LENGTH, issue('actions:errors.ownerTooLong')),
    reviewOn: z
      .string(issue('actions:errors.reviewOnMissing'))
      .trim()
      .min(1, issue('actions:errors.reviewOnMissing'))
      .refine(isRealDate, issue('actions:errors.reviewOnReal'))
      .refine((d) => !isRealDate(d) || opensOn === null || d >= opensOn, issue('actions:errors.reviewOnBeforeWave'))
      .refine((d) => !isRealDate(d) || d <= latest, issue('actions:errors.reviewOnTooLate')),
  })
}

export function createActionService(repos: Pick<Repositories, 'waves' | 'actions' | 'transaction'>, catalogue: QuestionnaireCatalogue, clock: Clock) {
  const today = () => clock.now().toISOString().slice(0, 10)

  /** The priority named, if the wave is the programme's and the scale is one of the lowest level of a questionnaire of that wave; else 404. */
  async function find(programme: Programme, practice: Practice, ref: PriorityRef): Promise<FoundPriority> {
    const wave = await repos.waves.findBySlug(programme.id, ref.wave)
    const definition = wave?.questionnaireIds.includes(ref.questionnaire) ? catalogue.find(ref.questionnaire) : undefined
    const levels = definition?.scoring?.levels.length ?? 0
    const scale = definition && allScales(definition).find((s) => s.path.length === levels && s.path.join('/') === ref.scale)
    if (!wave || !scale || practice.programmeId !== programme.id) throw new NotFoundError()
    const priority = { practiceId: practice.id, waveId: wave.id, questionnaireId: ref.questionnaire, scale: ref.scale }
    return { wave, priority, scalePath: scale.path, scaleName: scale.node.name, action: await repos.actions.find(priority) }
  }

  const auditDetail = (programme: Programme, practice: Practice, found: FoundPriority) => ({
    programme: programme.slug,
    practice: practice.code,
    wave: found.wave.slug,
    questionnaire: found.priority.questionnaireId,
    scale: found.priority.scale,
  })

  return {
    find,
    today,

    /** Records the action for the priority, or changes the one recorded; the words are checked first (a ValidationError names each field at fault). */
    async record(user: ActionRecorder, programme: Programme, practice: Practice, ref: PriorityRef, input: unknown): Promise<PracticeAction> {
      ensureWritable(programme)
      const found = await find(programme, practice, ref)
      const text: ActionText = validate(actionSchema(found.wave.opensOn, today()), input)
      // Recorded at start-up, it has no account to name: the export's recorded_by is empty, as for a removed account.
      const change = { ...text, at: clock.now().toISOString(), byUserId: 'role' in user ? user.id : null }
      const write = () =>
        repos.transaction(async (trx) => {
          const existing = await trx.actions.find(found.priority)
          const audit = createAuditService(trx, clock)
          const detail = { ...auditDetail(programme, practice, found), owner: text.owner, reviewOn: text.reviewOn }
          if (existing) {
            await trx.actions.update(existing.id, change)
            await audit.audit(user, 'action changed', { ...detail, action: existing.id })
            return (await trx.actions.find(found.priority))!
          }
          const added = await trx.actions.add(found.priority, change)
          await audit.audit(user, 'action recorded', { ...detail, action: added.id })
          return added
        })
      // Two people recording the first action for a priority at once: the second finds the first's, and changes it.
      return write().catch((error: unknown) => {
        if (isUniqueViolation(error)) return write()
        throw error
      })
    },

    /** Removes the priority's action; removing one that is not there changes nothing. */
    async remove(user: StaffUser, programme: Programme, practice: Practice, ref: PriorityRef): Promise<void> {
      ensureWritable(programme)
      const found = await find(programme, practice, ref)
      if (!found.action) return
      const { id } = found.action
      await repos.transaction(async (trx) => {
        if (await trx.actions.remove(id))
          await createAuditService(trx, clock).audit(user, 'action removed', { ...auditDetail(programme, practice, found), action: id })
      })
    },

    /** A practice's actions agreed at a wave (for the next wave's scorecard, and its own). */
    forWave: (practice: Practice, wave: Wave): Promise<PracticeAction[]> => repos.actions.listForWave(practice.id, wave.id),

    /** Every action of a programme, for the evaluators' export. */
    exportRows: (programme: Programme): Promise<PracticeActionExportRow[]> => repos.actions.listByProgramme(programme.id),
  }
}
export type ActionService = ReturnType<typeof createActionService>
