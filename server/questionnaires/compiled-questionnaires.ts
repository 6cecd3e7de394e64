// The loaded questionnaires kept as JSON in the build folder (bin/build.js), so that a start with unchanged definition
// files skips parsing and checking their YAML: a third of a cold start. The file's name is a hash of everything the
// result depends on (the folder, its files' names and contents, and the working folder the file names are relative
// to), and a new build starts with an empty folder, so a kept result is never stale.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { LoadedQuestionnaire } from './load-questionnaires.js'

/** Where a build says its folder is; unset when running from the TypeScript sources (tsx, vitest). */
export const BUILD_FOLDER_VARIABLE = 'LINKSCORE_BUILD_FOLDER'

function fingerprint(folder: string, cwd: string): string {
  const hash = createHash('sha256').update(JSON.stringify([resolve(folder), resolve(cwd)]))
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name)
    if (!statSync(path).isFile()) continue
    hash.update(`\0${name}\0`).update(readFileSync(path))
  }
  return hash.digest('hex').slice(0, 32)
}

/** The YAML parser and the checks are loaded only when the definitions are: a start from a compiled copy needs neither. */
async function loadAfresh(folder: string, cwd: string): Promise<LoadedQuestionnaire[]> {
  const { loadQuestionnaires } = await import('./load-questionnaires.js')
  return loadQuestionnaires(folder, cwd)
}

/** loadQuestionnaires, from the build folder's copy when there is one for these files; without a build folder, always afresh. */
export async function loadCompiledQuestionnaires(
  folder: string,
  buildFolder = process.env[BUILD_FOLDER_VARIABLE],
  cwd = process.cwd(),
): Promise<LoadedQuestionnaire[]> {
  if (!buildFolder) return loadAfresh(folder, cwd)
  const compiled = join(buildFolder, `questionnaires-${fingerprint(folder, cwd)}.json`)
  try {
    return JSON.parse(readFileSync(compiled, 'utf8')) as LoadedQuestionnaire[]
  } catch {
    // Not compiled yet (or unreadable): loaded and checked afresh, and kept for the next start.
  }
  const loaded = await loadAfresh(folder, cwd)
  try {
    // Written beside and renamed, so a process starting meanwhile reads the whole file or none.
    const partial = `${compiled}.${process.pid}`
    writeFileSync(partial, JSON.stringify(loaded))
    renameSync(partial, compiled)
  } catch {
    // A build folder that cannot be written: the next start loads afresh too.
  }
  return loaded
}
