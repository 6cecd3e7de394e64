// Programmes in the browser, for administrators: the list, a new one, and its details changed; each change audited
// before → after, in words.
import { z } from 'zod'
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Programme, ProgrammeDetails } from '../domain/programme.js'
import { LANGUAGE_NAMES, LANGUAGES, languageFromTag, type Language } from '../i18n/languages.js'
import type { StaffUser } from '../domain/staff-user.js'
import { NotFoundError, ValidationError } from '../errors.js'
import type { Message, MessageKey } from '../i18n/translate.js'
import { fieldIssuesFromZod, issueOf, type FieldIssue } from '../validation/field-issues.js'
import { createAuditService, type AuditAction, type AuditActor, type AuditDetail } from './audit-service.js'
import { ensureWritable } from './writable-programme.js'

export const MAX_STUDY_INFORMATION = 2000

const optionalText = (max: number, tooLong: MessageKey) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((t) => (t ? t : null))

const groupSize = (what: 'practiceGroup' | 'breakdownGroup') =>
  z.coerce
    .number({ error: `programmes:errors.${what}Whole` })
    .int({ error: `programmes:errors.${what}Whole` })
    .min(1, { error: `programmes:errors.${what}Min` })
    .max(100, { error: `programmes:errors.${what}Max` })

/** The form's field for the intervention's name in a language other than the default. */
export const interventionField = (language: Language): `intervention-${Language}` => `intervention-${language}`

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
      ctx.addIssue({
        code: 'custom',
        path: ['languages'],
        message: offered.length === 0 ? 'programmes:errors.languagesMissing' : 'programmes:errors.languageUnknown',
      })
      return z.NEVER
    }
    const chosen = LANGUAGES.filter((l) => offered.includes(l))
    const first = defaultLanguage === undefined || defaultLanguage === '' ? languageFromTag(tags[0]) : languageFromTag(defaultLanguage)
    if (!first || !chosen.includes(first)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLanguage'], message: 'programmes:errors.defaultLanguageNotOffered' })
      return z.NEVER
    }
    return [first, ...chosen.filter((l) => l !== first)]
  })

export const programmeDetailsInput = z.object({
  name: z
    .string({ error: 'programmes:errors.nameMissing' })
    .trim()
    .min(1, { error: 'programmes:errors.nameMissing' })
    .max(200, { error: 'programmes:errors.nameTooLong' }),
  intervention: z
    .string({ error: 'programmes:errors.interventionMissing' })
    .trim()
    .min(1, { error: 'programmes:errors.interventionMissing' })
    .max(100, { error: 'programmes:errors.interventionTooLong' }),
  minPracticeN: groupSize('practiceGroup'),
  minBreakdownN: groupSize('breakdownGroup'),
  organisation: optionalText(200, 'programmes:errors.organisationTooLong'),
  contact: optionalText(200, 'programmes:errors.contactTooLong'),
  approvalReference: optionalText(100, 'programmes:errors.approvalReferenceTooLong'),
  retention: optionalText(200, 'programmes:errors.retentionTooLong'),
  studyInformation: optionalText(MAX_STUDY_INFORMATION, 'programmes:errors.studyInformationTooLong'),
})

/** The details with the languages: each offered language other than the default needs the intervention's name in it. */
export function parseProgrammeDetails(input: Record<string, unknown>, labels: Readonly<Record<string, string>> = {}): ProgrammeDetails {
  const base = programmeDetailsInput.safeParse(input)
  const languages = languagesInput.safeParse(input)
  const issues = [...(base.success ? [] : base.error.issues), ...(languages.success ? [] : languages.error.issues)]
  const named: FieldIssue[] = []
  const interventionNames: Partial<Record<Language, string>> = {}
  if (languages.success) {
    for (const language of languages.data.slice(1)) {
      const field = interventionField(language)
      const name = typeof input[field] === 'string' ? input[field].trim() : ''
      const values = { language: LANGUAGE_NAMES[language] }
      if (!name) named.push(issueOf(field, { key: 'programmes:errors.interventionInMissing', values }, 'intervention-in'))
      else if (name.length > 100) named.push(issueOf(field, { key: 'programmes:errors.interventionInTooLong', values }, 'intervention-in'))
      else interventionNames[language] = name
    }
  }
  if (named.length > 0 || !base.success || !languages.success) throw new ValidationError([...fieldIssuesFromZod(issues, labels), ...named])
  return { ...base.data, languages: languages.data, interventionNames }
}

/** A new programme's short name and details, with every field at fault reported at once. */
function parseNewProgramme(input: Record<string, unknown>): ProgrammeDetails & { slug: string } {
  const slug = newProgrammeInput.pick({ slug: true }).safeParse(input)
  let details: ProgrammeDetails | undefined
  let issues: FieldIssue[] = slug.success ? [] : fieldIssuesFromZod(slug.error.issues)
  try {
    details = parseProgrammeDetails(input)
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    issues = [...issues, ...error.issues]
  }
  if (!slug.success || !details) throw new ValidationError(issues)
  return { ...details, slug: slug.data.slug }
}

export const newProgrammeInput = programmeDetailsInput.extend({
  slug: z
    .string({ error: 'programmes:errors.slugMissing' })
    .trim()
    .min(1, { error: 'programmes:errors.slugMissing' })
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'programmes:errors.slugFormat' }),
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
      const p = parseNewProgramme(input)
      if (await repos.programmes.findBySlug(p.slug)) throw ValidationError.of('slug', { key: 'programmes:errors.slugTaken', values: { slug: p.slug } })
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
    async archiveRefusal(programme: Programme): Promise<Message | undefined> {
      const open = (await repos.waves.listByProgramme(programme.id)).filter((w) => w.status === 'open').map((w) => w.title)
      if (open.length === 0) return undefined
      return { key: 'programmes:archive.refusal', values: { programme: programme.name, waves: open.length === 1 ? open[0] : open, count: open.length } }
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
        throw ValidationError.of('confirmSlug', { key: 'programmes:archive.typeSlug', values: { slug: programme.slug } })
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

export type ProgrammeService = ReturnType<typeof createProgrammeService>
