import type { Kysely } from 'kysely'
import type { NewPractice } from '../../domain/practice.js'
import type { PracticeRepository } from '../repository-interfaces.js'
import type { Schema } from '../schema.js'

const COLUMNS = [
  'id',
  'programme_id as programmeId',
  'code',
  'name',
  'list_size as listSize',
  'deprivation_quintile as deprivationQuintile',
  'rurality',
  'sp_model as spModel',
] as const

export function practiceRepository(db: Kysely<Schema>): PracticeRepository {
  const select = () => db.selectFrom('practice').select(COLUMNS)
  return {
    findByCode: (code) => select().where('code', '=', code).executeTakeFirst(),
    findById: (id) => select().where('id', '=', id).executeTakeFirst(),
    listByProgramme: (programmeId) => select().where('programme_id', '=', programmeId).orderBy('code').execute(),
    create: (p: NewPractice) =>
      db
        .insertInto('practice')
        .values({
          programme_id: p.programmeId,
          code: p.code,
          name: p.name,
          list_size: p.listSize,
          deprivation_quintile: p.deprivationQuintile,
          rurality: p.rurality,
          sp_model: p.spModel,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow(),
  }
}
