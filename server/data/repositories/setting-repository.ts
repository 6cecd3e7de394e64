import type { Db } from '../database.js'

/** Small values the app keeps for itself, such as the generated session secret. */
export function settingRepository(db: Db) {
  const get = db.prepare('SELECT value FROM setting WHERE key = ?').pluck()
  const insertIfAbsent = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING')
  return {
    get: (key: string) => get.get(key) as string | undefined,
    /** Stores the value unless one is already there; returns whichever is stored. */
    getOrCreate(key: string, create: () => string): string {
      insertIfAbsent.run(key, create())
      return get.get(key) as string
    },
  }
}
export type SettingRepository = ReturnType<typeof settingRepository>
