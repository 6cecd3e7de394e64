// An evaluator hides a free-text answer from a practice's scorecard (it names or points to a person), or shows it again.
// The answer stays in the evaluators' exports; each change and its audit line are written in one transaction.
import { z } from 'zod'
import type { Clock } from '../clock.js'
import type { Repositories, TextAnswerKey } from '../data/repository-interfaces.js'
import type { Practice } from '../domain/practice.js'
import type { Programme } from '../domain/programme.js'
import type { StaffUser } from '../domain/staff-user.js'
import { NotFoundError } from '../errors.js'
import { createAuditService } from './audit-service.js'
import { ensureWritable } from './writable-programme.js'

/** What the review page's buttons send: the wave by its short name and the answer by its place. */
const answerRef = z.object({
  wave: z.string().min(1),
  response: z.coerce.number().int().positive(),
  questionnaire: z.string().min(1),
  item: z.string().min(1),
})

export function createFreeTextService(repos: Repositories, clock: Clock) {
  /** The answer a form names, in the practice and wave it names; 404 for anything else (a stale or altered form). */
  async function find(programme: Programme, practice: Practice, input: unknown): Promise<{ wave: string; key: TextAnswerKey; waveId: number }> {
    const parsed = answerRef.safeParse(input)
    if (!parsed.success) throw new NotFoundError()
    const { wave: slug, response, questionnaire, item } = parsed.data
    const wave = await repos.waves.findBySlug(programme.id, slug)
    const key = { responseId: response, questionnaireId: questionnaire, itemId: item }
    if (!wave || !(await repos.reports.hasTextAnswer(wave.id, practice.id, key))) throw new NotFoundError()
    return { wave: slug, key, waveId: wave.id }
  }

  async function change(user: StaffUser, programme: Programme, practice: Practice, input: unknown, hide: boolean): Promise<string> {
    ensureWritable(programme)
    const { wave, key } = await find(programme, practice, input)
    await repos.transaction(async (trx) => {
      const changed = hide ? await trx.reports.hideTextAnswer(key, clock.now().toISOString(), user.id) : await trx.reports.showTextAnswer(key)
      // The place of the answer, never its words: the audit log is read by people who need not read the free text.
      const detail = { programme: programme.slug, practice: practice.code, wave, questionnaire: key.questionnaireId, item: key.itemId }
      if (changed) await createAuditService(trx, clock).audit(user, hide ? 'free text hidden' : 'free text shown', detail)
    })
    return wave
  }

  return {
    /** Hides the answer; hiding one already hidden changes nothing. Returns the wave's short name, for the page to go back to. */
    hide: (user: StaffUser, programme: Programme, practice: Practice, input: unknown) => change(user, programme, practice, input, true),
    /** Shows the answer again; showing one not hidden changes nothing. */
    show: (user: StaffUser, programme: Programme, practice: Practice, input: unknown) => change(user, programme, practice, input, false),
  }
}
export type FreeTextService = ReturnType<typeof createFreeTextService>
