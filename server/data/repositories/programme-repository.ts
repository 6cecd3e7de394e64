import type { NewProgramme, Programme } from '../../domain/programme.js'
import type { Db } from '../database.js'
import type { ProgrammeRepository } from '../repository-interfaces.js'

const COLUMNS = `id, slug, name, intervention, is_demo AS isDemo, min_practice_n AS minPracticeN, min_breakdown_n AS minBreakdownN`

export function programmeRepository(db: Db): ProgrammeRepository {
  const bySlug = db.prepare(`SELECT ${COLUMNS} FROM programme WHERE slug = ?`)
  const byId = db.prepare(`SELECT ${COLUMNS} FROM programme WHERE id = ?`)
  const all = db.prepare(`SELECT ${COLUMNS} FROM programme ORDER BY name`)
  const insert = db.prepare('INSERT INTO programme (slug, name, intervention, is_demo) VALUES (@slug, @name, @intervention, @isDemo)')
  const count = db.prepare('SELECT count(*) FROM programme').pluck()
  const toProgramme = (row: unknown): Programme | undefined =>
    row ? { ...(row as Programme), isDemo: Boolean((row as { isDemo: number }).isDemo) } : undefined

  return {
    findBySlug: (slug: string) => toProgramme(bySlug.get(slug)),
    findById: (id: number) => toProgramme(byId.get(id)),
    list: () => all.all().map((row) => toProgramme(row)!),
    count: () => count.get() as number,
    create(p: NewProgramme): Programme {
      const { lastInsertRowid } = insert.run({ ...p, isDemo: p.isDemo ? 1 : 0 })
      return toProgramme(byId.get(lastInsertRowid))!
    },
  }
}
