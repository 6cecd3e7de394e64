import type { NewWave, Wave, WaveStatus } from '../../domain/wave.js'
import type { Db } from '../database.js'
import type { WaveRepository } from '../repository-interfaces.js'

const COLUMNS = `id, programme_id AS programmeId, slug, title, opens_on AS opensOn, closes_on AS closesOn, status, position`

export function waveRepository(db: Db): WaveRepository {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM wave WHERE id = ?`)
  const bySlug = db.prepare(`SELECT ${COLUMNS} FROM wave WHERE programme_id = ? AND slug = ?`)
  const inProgramme = db.prepare(`SELECT ${COLUMNS} FROM wave WHERE programme_id = ? ORDER BY position, id`)
  const questionnaires = db.prepare('SELECT questionnaire_id FROM wave_questionnaire WHERE wave_id = ? ORDER BY position').pluck()
  const insert = db.prepare(`INSERT INTO wave (programme_id, slug, title, opens_on, closes_on, status, position)
    VALUES (@programmeId, @slug, @title, @opensOn, @closesOn, @status,
      (SELECT coalesce(max(position), 0) + 1 FROM wave WHERE programme_id = @programmeId))`)
  const insertQuestionnaire = db.prepare('INSERT INTO wave_questionnaire (wave_id, questionnaire_id, position) VALUES (?, ?, ?)')
  const updateStatus = db.prepare('UPDATE wave SET status = ? WHERE id = ?')

  const withQuestionnaires = (row: unknown): Wave | undefined =>
    row ? { ...(row as Omit<Wave, 'questionnaireIds'>), questionnaireIds: questionnaires.all((row as Wave).id) as string[] } : undefined

  return {
    findById: (id: number) => withQuestionnaires(byId.get(id)),
    findBySlug: (programmeId: number, slug: string) => withQuestionnaires(bySlug.get(programmeId, slug)),
    listByProgramme: (programmeId: number) => inProgramme.all(programmeId).map((row) => withQuestionnaires(row)!),
    create: db.transaction((w: NewWave): Wave => {
      const { lastInsertRowid } = insert.run(w)
      w.questionnaireIds.forEach((qid, i) => insertQuestionnaire.run(lastInsertRowid, qid, i + 1))
      return withQuestionnaires(byId.get(lastInsertRowid))!
    }),
    setStatus(id: number, status: WaveStatus): void {
      updateStatus.run(status, id)
    },
  }
}
