// Builds dist/ from server/ with esbuild when a source is newer than the build, so that `npm start` and the linkscore
// bin run plain JavaScript: loading ~400 TypeScript modules through tsx's loader was most of a cold start.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(ROOT, 'dist')
/** Written last: its time is the build's, and without it the build is unfinished. */
const STAMP = join(DIST, 'built')
/** Besides server/: what changes the build too. */
const INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/build.js']
/** Where a build tells the scoring pool its worker file is; kept in step with wave-scorer-pool.ts. */
const BUILT_WORKER = 'LINKSCORE_BUILT_SCORING_WORKER'
/** Where a build tells the server its folder is, for the compiled questionnaires; kept in step with compiled-questionnaires.ts. */
const BUILD_FOLDER = 'LINKSCORE_BUILD_FOLDER'

/** The newest modification time under a folder, folders included (a file removed changes its folder's time). */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)))
  return latest
}

function isFresh() {
  const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs
  if (built === undefined) return false
  return Math.max(newest(join(ROOT, 'server')), ...INPUTS.map((input) => newest(join(ROOT, input)))) < built
}

/**
 * In a bundle every module's import.meta.url would be the bundle's; the server finds its views, static files and
 * migrations from its own file's place. Each source file's import.meta.url is therefore the source file's, reckoned
 * from the bundle's own place, so the build still works after the folder is moved.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises')
      const source = await readFile(path, 'utf8')
      const fromDist = JSON.stringify(relative(DIST, path).split('\\').join('/'))
      return { contents: source.replaceAll('import.meta.url', `new URL(${fromDist}, import.meta.url).href`), loader: 'ts' }
    })
  },
}

/** Builds dist/server.js (the server) and dist/cli.js (the command line) unless the build is newer than every source. */
export async function ensureBuilt() {
  if (isFresh()) return
  const { build } = await import('esbuild')
  // Built beside dist/ and put in place whole, so a process starting meanwhile never runs half a build.
  const next = `${DIST}.${process.pid}`
  rmSync(next, { recursive: true, force: true })
  await build({
    absWorkingDir: ROOT,
    // The scoring worker too: run through tsx, each worker thread spent seconds compiling scoring at start-up.
    entryPoints: { server: 'server/main.ts', cli: 'server/cli/entry.ts', 'wave-scorer-worker': 'server/services/wave-scorer-worker.ts' },
    outdir: next,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The packages bundled too: resolving and reading some 900 module files one by one was most of a cold start.
    // Left out: a native addon (better-sqlite3), piscina (which starts its worker from a file of its own), what only
    // the build or the tsx fallback needs, pg's optional native driver, and two packages that are mostly data which
    // Node reads faster on its own (iconv-lite's encodings load when first used, mime-db is one JSON file): bundled,
    // they were a third of the code compiled at every start.
    external: ['better-sqlite3', 'piscina', 'esbuild', 'tsx', 'tsx/*', 'pg-native', 'iconv-lite', 'mime-db'],
    // Less text to compile at start; names kept, so stack traces still read (with the linked source maps, exactly).
    minifyWhitespace: true,
    minifySyntax: true,
    // Bundled CommonJS packages call require (node: modules, and the view engine express loads by name).
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceUrls],
  })
  writeFileSync(join(next, 'built'), `${new Date().toISOString()}\n`)
  const old = `${DIST}.old.${process.pid}`
  try {
    mkdirSync(DIST, { recursive: true })
    renameSync(DIST, old)
    renameSync(next, DIST)
  } catch (error) {
    // Another process starting at the same moment put its build in place first: the same sources, so it will do.
    rmSync(next, { recursive: true, force: true })
    if (!isFresh()) throw error
  } finally {
    rmSync(old, { recursive: true, force: true })
  }
}

/**
 * Runs an entry point's build ('server' or 'cli'), building it first when needed. Where dist/ cannot be written (a
 * read-only install), the sources run through tsx as before, after one line saying why.
 */
export async function runBuilt(name, source) {
  try {
    await ensureBuilt()
  } catch (error) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(error.code)) throw error
    console.error(`Linkscore runs from its TypeScript sources: it could not build ${DIST} (${error.message}).`)
    const { register } = await import('tsx/esm/api')
    register()
    await import(new URL(source, import.meta.url).href)
    return
  }
  // The scoring pool's worker file in this build (see server/services/wave-scorer-pool.ts).
  process.env[BUILT_WORKER] = pathToFileURL(join(DIST, 'wave-scorer-worker.js')).href
  process.env[BUILD_FOLDER] = DIST
  await import(pathToFileURL(join(DIST, `${name}.js`)).href)
}
