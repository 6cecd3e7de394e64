import type { NewPractice, Practice } from '../../domain/practice.js'
import type { Db } from '../database.js'
import type { PracticeRepository } from '../repository-interfaces.js'

const COLUMNS = `id, programme_id AS programmeId, code, name, list_size AS listSize,
  deprivation_quintile AS deprivationQuintile, rurality, sp_model AS spModel`

export function practiceRepository(db: Db): PracticeRepository {
  const byCode = db.prepare(`SELECT ${COLUMNS} FROM practice WHERE code = ?`)
  const byId = db.prepare(`SELECT ${COLUMNS} FROM practice WHERE id = ?`)
  const inProgramme = db.prepare(`SELECT ${COLUMNS} FROM practice WHERE programme_id = ? ORDER BY code`)
  const insert = db.prepare(`INSERT INTO practice (programme_id, code, name, list_size, deprivation_quintile, rurality, sp_model)
    VALUES (@programmeId, @code, @name, @listSize, @deprivationQuintile, @rurality, @spModel)`)

  return {
    findByCode: (code: string) => byCode.get(code) as Practice | undefined,
    findById: (id: number) => byId.get(id) as Practice | undefined,
    listByProgramme: (programmeId: number) => inProgramme.all(programmeId) as Practice[],
    create(p: NewPractice): Practice {
      const { lastInsertRowid } = insert.run(p)
      return byId.get(lastInsertRowid) as Practice
    },
  }
}
