// practice list, edit, import and remove at the command line, on the same service methods and messages as the practices pages.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, expect, it } from 'vitest'
import { cliDatabase } from '../../support/cli-database.js'

const db = cliDatabase()
const { cli, audit: auditLog } = db

beforeEach(async () => {
  expect((await cli('programme', 'add', '--slug', 'north', '--name', 'North PCN')).code).toBe(0)
  expect((await cli('wave', 'add', '--programme', 'north', '--slug', 'baseline', '--title', 'Baseline', '--questionnaires', 'pilot')).code).toBe(0)
  expect((await cli('practice', 'add', '--programme', 'north', '--code', 'N1', '--name', 'Riverside', '--list-size', '8000')).code).toBe(0)
  setUpLines = (await auditLog()).length
})
let setUpLines = 0
/** The audit log's practice lines since the set-up above. */
async function audit(): Promise<string[]> {
  return (await auditLog()).slice(setUpLines).filter((line) => line.startsWith('practice'))
}

it('adds a practice with its stage at a wave, through the same rules and audit as the practices pages', async () => {
  const added = await cli(
    'practice',
    'add',
    '--programme',
    'north',
    '--code',
    'N2',
    '--name',
    'Hillside',
    '--deprivation-quintile',
    '2',
    '--stage',
    'baseline=embedding',
  )
  expect(added).toEqual({ code: 0, stdout: 'added practice N2: Hillside\n', stderr: '' })
  expect(await audit()).toEqual([
    'practice added (command line) {"programme":"north","practice":"N2","name":"Hillside","details":["Deprivation quintile: 2","Implementation stage at Baseline: embedding"]}',
  ])
})

it('edits a practice and its stage at a wave, lists it, and audits the change in words', async () => {
  expect((await cli('practice', 'edit', '--code', 'N1', '--list-size', '8400', '--stage', 'baseline=piloting')).stdout).toBe('changed practice N1: Riverside\n')
  expect((await cli('practice', 'list', '--programme', 'north')).stdout).toBe(
    'N1: Riverside; list size 8,400; quintile not recorded; not recorded; model not recorded; baseline piloting, 0 sent\n',
  )
  expect(await audit()).toEqual([
    'practice changed (command line) {"programme":"north","practice":"N1","changes":["List size: 8,000 → 8,400","Implementation stage at Baseline: not recorded → piloting"]}',
  ])
})

it('prints field-named errors on stderr with exit code 1', async () => {
  const edited = await cli('practice', 'edit', '--code', 'N1', '--deprivation-quintile', '9', '--list-size', 'many')
  expect(edited.code).toBe(1)
  expect(edited.stderr).toBe(
    'linkscore: Enter a list size as a whole number of patients, such as 8400\nDeprivation quintile must be 1 (most deprived) to 5 (least deprived)\n',
  )
  const unknown = await cli('practice', 'remove', '--code', 'NOPE')
  expect(unknown).toMatchObject({ code: 1, stderr: 'linkscore: No practice with code "NOPE"\n' })
})

it('imports from a CSV file, printing the same preview; --dry-run saves nothing', async () => {
  const file = join(db.folder, 'practices.csv')
  writeFileSync(file, 'code,name,list_size\nN2,Hillside,5000\nN1,Riverside,8100\nN3,,12\n')
  const dry = await cli('practice', 'import', '--programme', 'north', '--file', file, '--dry-run')
  expect(dry.stdout).toBe(
    [
      'line 2 N2: add: List size: 5,000',
      'line 3 N1: change: List size: 8,000 → 8,100',
      'line 4 N3: refused: Enter the practice name',
      '1 to add, 1 to change, 0 unchanged, 1 refused',
      'dry run: nothing saved',
      '',
    ].join('\n'),
  )
  expect(await audit()).toEqual([])
  const done = await cli('practice', 'import', '--programme', 'north', '--file', file)
  expect(done.stdout.split('\n').at(-2)).toBe('saved: 1 added, 1 changed')
  expect(await audit()).toHaveLength(2)
})

it('removes a practice without responses', async () => {
  expect((await cli('practice', 'add', '--programme', 'north', '--code', 'N9', '--name', 'Closed')).code).toBe(0)
  expect((await cli('practice', 'remove', '--code', 'N9')).stdout).toBe('removed practice N9: Closed\n')
  expect(await audit()).toEqual([
    'practice added (command line) {"programme":"north","practice":"N9","name":"Closed","details":[]}',
    'practice removed (command line) {"programme":"north","practice":"N9","name":"Closed"}',
  ])
})
