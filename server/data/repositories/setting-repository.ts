import type { Db } from '../database.js'
import type { SettingRepository } from '../repository-interfaces.js'

export function settingRepository(db: Db): SettingRepository {
  const get = db.prepare('SELECT value FROM setting WHERE key = ?').pluck()
  const insertIfAbsent = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING')
  return {
    get: (key: string) => get.get(key) as string | undefined,
    getOrCreate(key: string, create: () => string): string {
      insertIfAbsent.run(key, create())
      return get.get(key) as string
    },
  }
}
