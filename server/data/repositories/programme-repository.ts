import type { Kysely, Selectable } from 'kysely'
import type { NewProgramme, Programme } from '../../domain/programme.js'
import { isLanguage, languageFromTag, SOURCE_LANGUAGE, type Language } from '../../i18n/languages.js'
import { compiledOnce } from '../compiled-once.js'
import type { ProgrammeRepository } from '../repository-interfaces.js'
import type { ProgrammeTable, Schema } from '../schema.js'

const COLUMNS = [
  'id',
  'slug',
  'name',
  'intervention',
  'is_demo',
  'min_practice_n',
  'min_breakdown_n',
  'organisation',
  'contact',
  'study_information',
  'archived_at',
  'approval_reference',
  'retention',
  'languages',
  'intervention_translations',
] as const

type Row = Pick<Selectable<ProgrammeTable>, (typeof COLUMNS)[number]>
const toProgramme = (r: Row): Programme => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  intervention: r.intervention,
  isDemo: r.is_demo === 1,
  minPracticeN: r.min_practice_n,
  minBreakdownN: r.min_breakdown_n,
  organisation: r.organisation,
  contact: r.contact,
  studyInformation: r.study_information,
  archivedAt: r.archived_at,
  approvalReference: r.approval_reference,
  retention: r.retention,
  languages: languagesFrom(r.languages),
  interventionNames: interventionNamesFrom(r.intervention_translations),
})

function languagesFrom(column: string): Language[] {
  const languages = [...new Set(column.split(/\s+/).flatMap((tag) => languageFromTag(tag) ?? []))]
  return languages.length > 0 ? languages : [SOURCE_LANGUAGE]
}

function interventionNamesFrom(json: string): Partial<Record<Language, string>> {
  const parsed: unknown = JSON.parse(json)
  if (!parsed || typeof parsed !== 'object') return {}
  return Object.fromEntries(Object.entries(parsed).filter(([language, name]) => isLanguage(language) && typeof name === 'string' && name.trim()))
}

/** Read by every journey page: compiled once (see compiled-once.ts). */
const byId = compiledOnce((db, id: number) => db.selectFrom('programme').select(COLUMNS).where('id', '=', id))

export function programmeRepository(db: Kysely<Schema>): ProgrammeRepository {
  const select = () => db.selectFrom('programme').select(COLUMNS)
  return {
    findBySlug: async (slug) => {
      const row = await select().where('slug', '=', slug).executeTakeFirst()
      return row && toProgramme(row)
    },
    findById: async (id) => {
      const [row] = (await byId(db, id)).rows
      return row && toProgramme(row)
    },
    list: async () => (await select().orderBy('name').orderBy('id').execute()).map(toProgramme),
    update: async (id, d) => {
      await db
        .updateTable('programme')
        .set({
          name: d.name,
          intervention: d.intervention,
          min_practice_n: d.minPracticeN,
          min_breakdown_n: d.minBreakdownN,
          organisation: d.organisation,
          contact: d.contact,
          study_information: d.studyInformation,
          approval_reference: d.approvalReference,
          retention: d.retention,
          languages: d.languages.join(' '),
          intervention_translations: JSON.stringify(d.interventionNames),
        })
        .where('id', '=', id)
        .execute()
    },
    setArchivedAt: async (id, at) => {
      await db.updateTable('programme').set({ archived_at: at }).where('id', '=', id).execute()
    },
    count: async () =>
      Number(
        (
          await db
            .selectFrom('programme')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    create: async (p: NewProgramme) =>
      toProgramme(
        await db
          .insertInto('programme')
          .values({ slug: p.slug, name: p.name, intervention: p.intervention, is_demo: p.isDemo ? 1 : 0 })
          .returning(COLUMNS)
          .executeTakeFirstOrThrow(),
      ),
  }
}
