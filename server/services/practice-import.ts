// Importing practices from a CSV file: reading the file, working out row by row what would be added, changed or refused
// (and why), and applying the adds and changes. The plan has an id made from everything it would do, so a confirmation
// applies exactly what was previewed or nothing.
import { createHash } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Practice, PracticeDetails } from '../domain/practice.js'
import type { Programme } from '../domain/programme.js'
import { ValidationError } from '../errors.js'
import type { Formats } from '../i18n/format.js'
import { english, say, type Message, type MessageKey, type Translate } from '../i18n/translate.js'
import type { AuditActor, AuditService } from './audit-service.js'
import { parsePracticeFields, practiceChangeWords, practiceNewWords, practiceWordText, type PracticeField, type PracticeWord } from './practice-fields.js'

export const MAX_CSV_BYTES = 1024 * 1024
export const CSV_COLUMNS = ['code', 'name', 'list_size', 'deprivation_quintile', 'rurality', 'sp_model'] as const
const FIELD_OF: Record<(typeof CSV_COLUMNS)[number], PracticeField> = {
  code: 'code',
  name: 'name',
  list_size: 'listSize',
  deprivation_quintile: 'deprivationQuintile',
  rurality: 'rurality',
  sp_model: 'spModel',
}
const REQUIRED = ['code', 'name'] as const
export const CSV_TEMPLATE = `${CSV_COLUMNS.join(',')}\r\nB86001,Riverside Surgery,8400,2,urban,Link workers employed by the PCN\r\n`

export interface CsvRows {
  columns: (typeof CSV_COLUMNS)[number][]
  /** Each with its line in the file: the header is line 1. */
  rows: { line: number; cells: string[] }[]
}

export type ImportOutcome = 'add' | 'change' | 'unchanged' | 'refused'

export interface ImportRow {
  line: number
  code: string
  name: string
  outcome: ImportOutcome
  /** What an add records, what a change changes, or why the row is refused, in English (the audit log, the command line). */
  words: string[]
  /** The same, for a page to put in its reader's language (importNoteText). */
  notes: ImportNote[]
  details?: PracticeDetails
  practiceId?: number
}

export interface ImportPlan {
  id: string
  rows: ImportRow[]
  counts: Record<ImportOutcome, number>
}

/** Why a row is refused, or what it records or changes. */
export type ImportNote = Message | PracticeWord

export function importNoteText(note: ImportNote, t: Translate = english, format?: Formats): string {
  return 'key' in note ? say(t, note) : practiceWordText(note, t, format)
}

const refuse = (key: MessageKey, values?: Record<string, unknown>) => ValidationError.of('file', { key, values })
const columnList = CSV_COLUMNS.join(', ')

/** The rows of a UTF-8 CSV file (a byte-order mark is fine) whose first row names its columns. */
export function readCsvFile(bytes: Uint8Array): CsvRows {
  if (bytes.length === 0) throw refuse('study:practices.import.errors.empty')
  if (bytes.length > MAX_CSV_BYTES) throw refuse('study:practices.import.errors.tooLarge')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw refuse('study:practices.import.errors.notUtf8')
  }
  if (text.includes('\u0000')) throw refuse('study:practices.import.errors.notUtf8')
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw line ? refuse('study:practices.import.errors.unreadableAt', { line }) : refuse('study:practices.import.errors.unreadable')
  }
  const [header, ...body] = records
  if (!header || header.record.every((c) => c === '')) throw refuse('study:practices.import.errors.empty')
  const names = header.record.map((c) => c.toLowerCase())
  const unknown = names.find((c) => !(CSV_COLUMNS as readonly string[]).includes(c))
  if (unknown !== undefined) throw refuse('study:practices.import.errors.unknownColumn', { column: unknown, columns: columnList })
  const missing = REQUIRED.find((c) => !names.includes(c))
  if (missing) throw refuse('study:practices.import.errors.missingColumn', { column: missing, columns: columnList })
  const twice = names.find((c, i) => names.indexOf(c) !== i)
  if (twice) throw refuse('study:practices.import.errors.columnTwice', { column: twice })
  const rows = body.filter((r) => r.record.some((c) => c !== '')).map((r) => ({ line: r.info.lines, cells: r.record }))
  if (rows.length === 0) throw refuse('study:practices.import.errors.noRows')
  return { columns: names as CsvRows['columns'], rows }
}

/** What importing these rows into the programme would do, against the practices as they are now. */
export async function planImport(repos: Repositories, programme: Programme, csv: CsvRows): Promise<ImportPlan> {
  const waves = await repos.waves.listByProgramme(programme.id)
  const seen = new Map<string, number>()
  const rows: ImportRow[] = []
  const row = (fields: Omit<ImportRow, 'words'>): ImportRow => ({ ...fields, words: fields.notes.map((n) => importNoteText(n)) })
  for (const { line, cells } of csv.rows) {
    const given = Object.fromEntries(csv.columns.map((c, i) => [FIELD_OF[c], cells[i] ?? '']))
    const code = String(given.code ?? '')
    const at = { line, code, name: String(given.name ?? '') }
    if (cells.length > csv.columns.length) {
      const values = { values: cells.length, columns: csv.columns.length }
      rows.push(row({ ...at, outcome: 'refused', notes: [{ key: 'study:practices.import.errors.tooManyValues', values }] }))
      continue
    }
    const existing = code ? await repos.practices.findByCode(code) : undefined
    const merged: Record<string, unknown> = existing ? { ...detailsOf(existing), ...given } : given
    const parsed = parsePracticeFields(merged, {}, waves)
    const reasons: Message[] = 'issues' in parsed ? parsed.issues.map((i) => i.text ?? { key: 'errors:badRequest.message' }) : []
    const first = seen.get(code.toLowerCase())
    if (code && first !== undefined) reasons.push({ key: 'study:practices.import.errors.codeTwice', values: { code, line: first } })
    else if (code) seen.set(code.toLowerCase(), line)
    if (existing && existing.programmeId !== programme.id) {
      const owner = await repos.programmes.findById(existing.programmeId)
      reasons.push(codeTaken(code, owner?.name))
    }
    if (reasons.length || 'issues' in parsed) {
      rows.push(row({ ...at, outcome: 'refused', notes: reasons }))
      continue
    }
    const { details } = parsed
    if (!existing) {
      rows.push(row({ ...at, outcome: 'add', notes: practiceNewWords(details, new Map(), waves), details }))
      continue
    }
    const changes = practiceChangeWords(detailsOf(existing), details, new Map(), new Map(), waves)
    rows.push(row({ ...at, outcome: changes.length ? 'change' : 'unchanged', notes: changes, details, practiceId: existing.id }))
  }
  const counts = { add: 0, change: 0, unchanged: 0, refused: 0 }
  for (const r of rows) counts[r.outcome]++
  const id = createHash('sha256')
    .update(JSON.stringify([programme.id, rows]))
    .digest('hex')
  return { id, rows, counts }
}

/** Writes the plan's adds and changes with an audit line each; the caller gives the transaction. */
export async function applyImport(trx: Repositories, audit: AuditService, actor: AuditActor, programme: Programme, plan: ImportPlan): Promise<void> {
  for (const row of plan.rows) {
    if (row.outcome === 'add') {
      const created = await trx.practices.create({ programmeId: programme.id, ...row.details! })
      await audit.audit(actor, 'practice added', {
        programme: programme.slug,
        practice: created.code,
        name: created.name,
        details: row.words,
        from: 'CSV file',
      })
    } else if (row.outcome === 'change') {
      await trx.practices.update(row.practiceId!, row.details!)
      await audit.audit(actor, 'practice changed', { programme: programme.slug, practice: row.code, changes: row.words, from: 'CSV file' })
    }
  }
}

function detailsOf(p: Practice): PracticeDetails {
  return { code: p.code, name: p.name, listSize: p.listSize, deprivationQuintile: p.deprivationQuintile, rurality: p.rurality, spModel: p.spModel }
}

/** A code another programme's practice has already. */
export function codeTaken(code: string, programmeName: string | undefined): Message {
  return programmeName
    ? { key: 'study:practice.errors.codeTaken', values: { code, programme: programmeName } }
    : { key: 'study:practice.errors.codeTakenElsewhere', values: { code } }
}
