// Programmes in the browser, for administrators: the list, a new one, and its details changed; each change audited
// before → after, in words.
import { z } from 'zod'
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme, ProgrammeDetails } from '../domain/programme.js'
import { LANGUAGE_NAMES, LANGUAGES, languageFromTag, type Language } from '../i18n/languages.js'
import type { StaffUser } from '../domain/staff-user.js'
import { NotFoundError, ValidationError } from '../errors.js'
import { fieldIssuesFromZod } from '../validation/field-issues.js'
import { validate } from '../validation/validate.js'
import { createAuditService, type AuditAction, type AuditActor, type AuditDetail } from './audit-service.js'
import { ensureWritable } from './writable-programme.js'

export const MAX_STUDY_INFORMATION = 2000

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${what} must be ${max.toLocaleString('en-GB')} characters or fewer` })
    .optional()
    .transform((t) => (t ? t : null))

const groupSize = (what: string) =>
  z.coerce
    .number({ error: `Enter the smallest ${what} as a whole number` })
    .int({ error: `Enter the smallest ${what} as a whole number` })
    .min(1, { error: `The smallest ${what} must be 1 or more` })
    .max(100, { error: `The smallest ${what} must be 100 or fewer` })

/** The form's field for the intervention's name in a language other than the default. */
export const interventionField = (language: Language) => `intervention-${language}`

/** Offered languages (checkboxes, or a space-separated list from the command line), the default first. */
const languagesInput = z
  .object({
    languages: z.union([z.string(), z.array(z.string())]).optional(),
    defaultLanguage: z.string().optional(),
  })
  .transform(({ languages, defaultLanguage }, ctx) => {
    const tags = (Array.isArray(languages) ? languages : (languages ?? 'en-GB').split(/[\s,]+/)).filter(Boolean)
    const offered = tags.map(languageFromTag)
    if (offered.length === 0 || offered.some((l) => l === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['languages'], message: `Choose the languages respondents can answer in: ${LANGUAGES.join(', ')}` })
      return z.NEVER
    }
    const chosen = LANGUAGES.filter((l) => offered.includes(l))
    const first = defaultLanguage === undefined || defaultLanguage === '' ? languageFromTag(tags[0]) : languageFromTag(defaultLanguage)
    if (!first || !chosen.includes(first)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: 'The default language must be one of the languages offered' })
      return z.NEVER
    }
    return [first, ...chosen.filter((l) => l !== first)]
  })

export const programmeDetailsInput = z.object({
  name: z.string({ error: 'Enter a name' }).trim().min(1, { error: 'Enter a name' }).max(200, { error: 'The name must be 200 characters or fewer' }),
  intervention: z
    .string({ error: 'Enter what the intervention is called' })
    .trim()
    .min(1, { error: 'Enter what the intervention is called' })
    .max(100, { error: 'The intervention must be 100 characters or fewer' }),
  minPracticeN: groupSize('practice group'),
  minBreakdownN: groupSize('breakdown group'),
  organisation: optionalText(200, 'The organisation'),
  contact: optionalText(200, 'The contact'),
  approvalReference: optionalText(100, 'The approval reference'),
  retention: optionalText(200, 'How long answers are kept'),
  studyInformation: optionalText(MAX_STUDY_INFORMATION, 'The information for respondents'),
})

/** The details with the languages: each offered language other than the default needs the intervention's name in it. */
export function parseProgrammeDetails(input: Record<string, unknown>, labels: Readonly<Record<string, string>> = {}): ProgrammeDetails {
  const base = programmeDetailsInput.safeParse(input)
  const languages = languagesInput.safeParse(input)
  const issues = [...(base.success ? [] : base.error.issues), ...(languages.success ? [] : languages.error.issues)]
  const interventionNames: Partial<Record<Language, string>> = {}
  if (languages.success) {
    for (const language of languages.data.slice(1)) {
      const field = interventionField(language)
      const name = typeof input[field] === 'string' ? input[field].trim() : ''
      if (!name)
        issues.push({ code: 'custom', path: [field], message: `Enter what the intervention is called in ${LANGUAGE_NAMES[language]}`, input: undefined })
      else if (name.length > 100)
        issues.push({
          code: 'custom',
          path: [field],
          message: `The intervention in ${LANGUAGE_NAMES[language]} must be 100 characters or fewer`,
          input: undefined,
        })
      else interventionNames[language] = name
    }
  }
  if (issues.length > 0 || !base.success || !languages.success) throw new ValidationError(fieldIssuesFromZod(issues, labels))
  return { ...base.data, languages: languages.data, interventionNames }
}

export const newProgrammeInput = programmeDetailsInput.extend({
  slug: z
    .string({ error: 'Enter a short name for web addresses' })
    .trim()
    .min(1, { error: 'Enter a short name for web addresses' })
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'Use lower-case letters, digits and hyphens for the short name, like north-pcn' }),
})

export const PROGRAMME_FIELDS = [
  'slug',
  'name',
  'intervention',
  'minPracticeN',
  'minBreakdownN',
  'organisation',
  'contact',
  'approvalReference',
  'retention',
  'studyInformation',
  'languages',
  'defaultLanguage',
  ...LANGUAGES.map(interventionField),
] as const

/** Field names as the command line's options say them, for its error lines. */
const PROGRAMME_LABELS = {
  minPracticeN: 'min-practice-n',
  minBreakdownN: 'min-breakdown-n',
  approvalReference: 'approval-reference',
  studyInformation: 'study-information',
}

/** Field names as the audit log says them. */
const FIELD_WORDS: Record<keyof ProgrammeDetails, string> = {
  name: 'name',
  intervention: 'intervention',
  minPracticeN: 'smallest practice group',
  minBreakdownN: 'smallest breakdown group',
  organisation: 'organisation',
  contact: 'contact',
  approvalReference: 'approval reference',
  retention: 'how long answers are kept',
  studyInformation: 'information for respondents',
  languages: 'languages',
  interventionNames: 'intervention in other languages',
}

const details = (p: Programme): ProgrammeDetails => ({
  name: p.name,
  intervention: p.intervention,
  minPracticeN: p.minPracticeN,
  minBreakdownN: p.minBreakdownN,
  organisation: p.organisation,
  contact: p.contact,
  approvalReference: p.approvalReference,
  retention: p.retention,
  studyInformation: p.studyInformation,
  languages: p.languages,
  interventionNames: p.interventionNames,
})

/** "smallest practice group: 3 → 5; contact: (none) → Dr A Shah", for what changed only. */
export function describeChanges(before: ProgrammeDetails, after: ProgrammeDetails): string[] {
  const shown = (v: ProgrammeDetails[keyof ProgrammeDetails]) =>
    v === null ? '(none)' : Array.isArray(v) ? v.join(' ') : typeof v === 'object' ? wordsOfNames(v) : String(v)
  return (Object.keys(FIELD_WORDS) as (keyof ProgrammeDetails)[])
    .filter((k) => shown(before[k]) !== shown(after[k]))
    .map((k) => `${FIELD_WORDS[k]}: ${shown(before[k])} → ${shown(after[k])}`)
}

const wordsOfNames = (names: Partial<Record<Language, string>>) =>
  Object.entries(names)
    .map(([language, name]) => `${language} ${name}`)
    .join(', ') || '(none)'

export function createProgrammeService(repos: Pick<Repositories, 'programmes' | 'waves' | 'transaction'>, clock: Clock) {
  const audited = (user: AuditActor, work: (trx: Repositories) => Promise<void>, action: AuditAction, detail: AuditDetail) =>
    repos.transaction(async (trx) => {
      await work(trx)
      await createAuditService(trx, clock).audit(user, action, detail)
    })

  return {
    /** Every programme, archived ones included, in name order. */
    list: () => repos.programmes.list(),

    /** The programme with this short name, or undefined: for pages that read well without one. */
    lookup: (slug: string) => repos.programmes.findBySlug(slug),

    async find(slug: string): Promise<Programme> {
      const programme = await repos.programmes.findBySlug(slug)
      if (!programme) throw new NotFoundError()
      return programme
    },

    async create(user: StaffUser, input: Record<string, unknown>): Promise<Programme> {
      const p = { ...validate(newProgrammeInput, input), ...parseProgrammeDetails(input) }
      if (await repos.programmes.findBySlug(p.slug)) throw ValidationError.of('slug', `A programme with the short name "${p.slug}" already exists`)
      return repos.transaction(async (trx) => {
        const created = await trx.programmes.create({ slug: p.slug, name: p.name, intervention: p.intervention })
        await trx.programmes.update(created.id, p)
        await createAuditService(trx, clock).audit(user, 'programme added', { programme: p.slug, name: p.name })
        return (await trx.programmes.findById(created.id))!
      })
    },

    /** Nothing is written, or audited, when nothing changed. */
    async edit(user: AuditActor, slug: string, input: Record<string, unknown>): Promise<Programme> {
      const before = ensureWritable(await this.find(slug))
      const after = parseProgrammeDetails(input, PROGRAMME_LABELS)
      const changes = describeChanges(details(before), after)
      if (changes.length === 0) return before
      return repos.transaction(async (trx) => {
        await trx.programmes.update(before.id, after)
        await createAuditService(trx, clock).audit(user, 'programme changed', { programme: slug, changes })
        return (await trx.programmes.findById(before.id))!
      })
    },

    /** Why the programme cannot be archived now (a wave still open), or undefined. */
    async archiveRefusal(programme: Programme): Promise<string | undefined> {
      const open = (await repos.waves.listByProgramme(programme.id)).filter((w) => w.status === 'open').map((w) => w.title)
      if (open.length === 0) return undefined
      return `${programme.name} cannot be archived while ${listInWords(open)} ${open.length === 1 ? 'is' : 'are'} open: close ${open.length === 1 ? 'it' : 'them'} on the Waves page first.`
    },

    /**
     * Read-only and out of the lists from now on, its data kept. The demo programme is archived only when its short
     * name is typed as well, so that a click alone cannot take away what people are shown first.
     */
    async archive(user: AuditActor, slug: string, input: { confirmSlug?: unknown } = {}): Promise<Programme> {
      const programme = ensureWritable(await this.find(slug))
      const refusal = await this.archiveRefusal(programme)
      if (refusal) throw ValidationError.of('confirmSlug', refusal)
      if (programme.isDemo && String(input.confirmSlug ?? '').trim() !== programme.slug)
        throw ValidationError.of('confirmSlug', `Type ${programme.slug} to archive the demo programme`)
      await audited(user, (trx) => trx.programmes.setArchivedAt(programme.id, clock.now().toISOString()), 'programme archived', {
        programme: slug,
        status: 'in use → archived',
      })
      return (await repos.programmes.findById(programme.id))!
    },

    /** Back into use and into the lists, as it was. */
    async restore(user: AuditActor, slug: string): Promise<Programme> {
      const programme = await this.find(slug)
      if (!programme.archivedAt) return programme
      await audited(user, (trx) => trx.programmes.setArchivedAt(programme.id, null), 'programme restored', { programme: slug, status: 'archived → in use' })
      return (await repos.programmes.findById(programme.id))!
    },
  }
}

/** "Baseline", "Baseline and 6 months", "Baseline, 6 months and 12 months". */
const listInWords = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`)

export type ProgrammeService = ReturnType<typeof createProgrammeService>
