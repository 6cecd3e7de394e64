// wave add, list, edit, copy, open and close at the command line, on the same service methods as the waves pages.
import { beforeEach, expect, it } from 'vitest'
import { cliDatabase } from '../../support/cli-database.js'

const { cli, audit } = cliDatabase()

beforeEach(async () => {
  expect((await cli('programme', 'add', '--slug', 'north', '--name', 'North PCN')).code).toBe(0)
  const added = await cli(
    'wave',
    'add',
    '--programme',
    'north',
    '--slug',
    'baseline',
    '--title',
    'Baseline',
    '--questionnaires',
    'pilot',
    '--opens',
    '2020-01-06',
    '--closes',
    '2020-01-31',
  )
  expect(added).toMatchObject({ code: 0, stdout: 'added wave baseline (draft): pilot\n' })
})

it('refuses to open a wave whose closing date has passed, naming the date, and leaves it a draft', async () => {
  const opened = await cli('wave', 'open', '--programme', 'north', '--wave', 'baseline')
  expect(opened.code).not.toBe(0)
  expect(opened.stderr).toContain('Baseline cannot be opened: its closing date, 31 January 2020, has passed. Change the closing date first.')
  expect((await cli('wave', 'list', '--programme', 'north')).stdout).toBe(
    'baseline (draft): Baseline, opens 6 January 2020, closes 31 January 2020; pilot; 0 submitted, 0 invitations\n',
  )
})

it('edits the dates and then opens and closes the wave, auditing each change in words', async () => {
  expect((await cli('wave', 'edit', '--programme', 'north', '--wave', 'baseline', '--closes', '2999-12-31')).stdout).toBe(
    'changed wave baseline (draft): Baseline, opens 6 January 2020, closes 31 December 2999; pilot\n',
  )
  expect((await cli('wave', 'open', '--programme', 'north', '--wave', 'baseline')).stdout).toBe('wave baseline is open\n')
  expect((await cli('wave', 'close', '--programme', 'north', '--wave', 'baseline')).stdout).toBe('wave baseline is closed\n')
  expect((await audit()).filter((line) => line.startsWith('wave'))).toEqual([
    'wave added (command line) {"programme":"north","wave":"baseline","title":"Baseline","opens":"6 January 2020","closes":"31 January 2020","questionnaires":["pilot"],"status":"draft"}',
    'wave changed (command line) {"programme":"north","wave":"baseline","changes":["Closes: 31 January 2020 → 31 December 2999"]}',
    'wave opened (command line) {"programme":"north","wave":"baseline","status":"draft → open"}',
    'wave closed (command line) {"programme":"north","wave":"baseline","status":"open → closed"}',
  ])
})

it('copies a wave with its questionnaires, and names the field of a bad date', async () => {
  const copied = await cli(
    'wave',
    'copy',
    '--programme',
    'north',
    '--from',
    'baseline',
    '--slug',
    'six-months',
    '--title',
    'Six months',
    '--opens',
    '2020-07-01',
  )
  expect(copied).toMatchObject({ code: 0, stdout: 'added wave six-months (draft): Six months, opens 1 July 2020, closes –; pilot\n' })
  const bad = await cli('wave', 'edit', '--programme', 'north', '--wave', 'six-months', '--closes', '2020-02-30x')
  expect(bad.code).not.toBe(0)
  expect(bad.stderr).toContain('closes: use the form YYYY-MM-DD')
  const reserved = await cli('wave', 'add', '--programme', 'north', '--slug', 'all', '--title', 'All', '--questionnaires', 'pilot')
  expect(reserved.code).not.toBe(0)
  expect(reserved.stderr).toContain('"all" is kept for exports of every wave: choose another short name')
  expect((await cli('wave', 'edit', '--programme', 'north', '--wave', 'six-months', '--questionnaires', 'nope')).stderr).toContain(
    'Unknown questionnaire "nope"',
  )
})
