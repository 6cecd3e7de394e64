// programme list, edit, archive and restore at the command line, on the same service methods as the programmes pages.
import { beforeEach, expect, it } from 'vitest'
import { cliDatabase } from '../../support/cli-database.js'

const { cli, audit } = cliDatabase()

beforeEach(async () => {
  expect((await cli('programme', 'add', '--slug', 'north', '--name', 'North PCN')).code).toBe(0)
  expect((await cli('wave', 'add', '--programme', 'north', '--slug', 'baseline', '--title', 'Baseline', '--questionnaires', 'pilot', '--open')).code).toBe(0)
})

const NORTH = 'north: North PCN; intervention "social prescribing", smallest practice group 3, smallest breakdown group 5; organisation (none); languages en-GB'

it('lists the programmes', async () => {
  expect(await cli('programme', 'list')).toEqual({ code: 0, stdout: `${NORTH}\n`, stderr: '' })
})

it('changes only the details given, says what changed in words, and audits it', async () => {
  const edited = await cli(
    'programme',
    'edit',
    '--slug',
    'north',
    '--min-practice-n',
    '5',
    '--organisation',
    'University of Somewhere',
    '--retention',
    'five years',
  )
  expect(edited).toEqual({
    code: 0,
    stdout:
      'changed programme north: smallest practice group: 3 → 5; organisation: (none) → University of Somewhere; how long answers are kept: (none) → five years\n',
    stderr: '',
  })
  expect((await audit()).at(-1)).toBe(
    'programme changed (command line) {"programme":"north","changes":["smallest practice group: 3 → 5","organisation: (none) → University of Somewhere","how long answers are kept: (none) → five years"]}',
  )
  expect((await cli('programme', 'edit', '--slug', 'north', '--organisation', '')).stdout).toBe(
    'changed programme north: organisation: University of Somewhere → (none)\n',
  )
  expect((await cli('programme', 'edit', '--slug', 'north', '--name', 'North PCN')).stdout).toBe('programme north unchanged\n')
})

it('sets the languages offered, the default first, with the intervention named in each other one', async () => {
  const missing = await cli('programme', 'edit', '--slug', 'north', '--languages', 'nl en-GB', '--intervention', 'welzijn op recept')
  expect([missing.code, missing.stderr]).toEqual([1, 'linkscore: intervention-in: Enter what the intervention is called in English\n'])
  const unknown = await cli('programme', 'edit', '--slug', 'north', '--languages', 'en-GB fr')
  expect(unknown.stderr).toBe('linkscore: languages: Languages must be among those Linkscore offers: en-GB (English) and nl (Nederlands)\n')
  const set = await cli('programme', 'edit', '--slug', 'north', '--languages', 'en-GB nl', '--intervention-in', 'nl=welzijn op recept')
  expect(set.stdout).toBe('changed programme north: languages: en-GB → en-GB nl; intervention in other languages: (none) → nl welzijn op recept\n')
  expect((await cli('programme', 'list')).stdout).toContain('; languages en-GB nl')
  // Options left out keep their values, the Dutch name among them.
  expect((await cli('programme', 'edit', '--slug', 'north', '--name', 'North PCN')).stdout).toBe('programme north unchanged\n')
  expect((await cli('programme', 'edit', '--slug', 'north', '--languages', 'en-GB')).stdout).toBe(
    'changed programme north: languages: en-GB nl → en-GB; intervention in other languages: nl welzijn op recept → (none)\n',
  )
})

it('names the option at fault, and changes nothing', async () => {
  expect(await cli('programme', 'edit', '--slug', 'north', '--min-practice-n', 'three', '--name', ' ')).toEqual({
    code: 1,
    stdout: '',
    stderr: 'linkscore: name: Enter a name\nmin-practice-n: Enter the smallest practice group as a whole number\n',
  })
  expect((await cli('programme', 'edit', '--slug', 'south', '--name', 'South')).stderr).toBe('linkscore: No programme "south". Programmes: north\n')
  expect((await cli('programme', 'list')).stdout).toBe(`${NORTH}\n`)
})

it('refuses to archive while a wave is open, then archives, keeps it read-only, and restores it', async () => {
  const refused = await cli('programme', 'archive', '--slug', 'north')
  expect([refused.code, refused.stderr]).toEqual([1, 'linkscore: North PCN cannot be archived while Baseline is open: close it on the Waves page first.\n'])
  expect((await cli('wave', 'close', '--programme', 'north', '--wave', 'baseline')).code).toBe(0)
  const archived = await cli('programme', 'archive', '--slug', 'north')
  expect(archived.code).toBe(0)
  expect(archived.stdout).toMatch(/^archived programme north: North PCN, archived \d{4}-\d\d-\d\d;/)
  const reopen = await cli('wave', 'open', '--programme', 'north', '--wave', 'baseline')
  expect([reopen.code, reopen.stderr]).toEqual([
    1,
    'linkscore: North PCN is archived, so nothing about it can be changed. Its answers, scores and exports are kept. An administrator can bring it back into use from the Programmes page.\n',
  ])
  expect((await cli('programme', 'restore', '--slug', 'north')).stdout).toBe(`programme back in use: ${NORTH}\n`)
  expect((await audit()).slice(-2)).toEqual([
    'programme archived (command line) {"programme":"north","status":"in use → archived"}',
    'programme restored (command line) {"programme":"north","status":"archived → in use"}',
  ])
})
