// The SPSS syntax offered beside the R script: reads the responses file with variable and value labels, "not relevant"
// codes as user-missing values. Runs in SPSS and in GNU PSPP (the tests run it in PSPP).
import { NOT_RELEVANT_CODES } from '../questionnaires/definition-schema.js'
import { NOT_RELEVANT_NUMBERS, type SyntaxColumn } from './syntax-columns.js'
import { SPSS_RESERVED, variableNames } from './syntax-names.js'

export interface SyntaxFileInput {
  programmeName: string
  /** The responses file the syntax reads, as it is downloaded. */
  fileName: string
  columns: readonly SyntaxColumn[]
  /** "pilot version 2, context version 1": what the labels were written from. */
  definitions: string
  generatedOn: string
}

const MAX_NAME = 64
/** SPSS keeps 256 bytes of a variable label and 120 of a value label. */
const MAX_VARIABLE_LABEL = 256
const MAX_VALUE_LABEL = 120
const LITERAL_CHUNK = 60

/** Cuts text to `max` bytes of UTF-8 without splitting a character. */
export function cutToBytes(text: string, max: number): string {
  let out = ''
  let bytes = 0
  for (const ch of text) {
    bytes += Buffer.byteLength(ch)
    if (bytes > max) break
    out += ch
  }
  return out
}

/** A quoted SPSS string: apostrophes doubled, line breaks as spaces, long text as pieces joined with + over lines. */
export function spssString(text: string, maxBytes = MAX_VARIABLE_LABEL): string {
  const flat = cutToBytes(text.replace(/\s+/g, ' ').trim(), maxBytes)
  const pieces = [...flat].reduce<string[]>((all, ch) => {
    if (!all.length || all.at(-1)!.length >= LITERAL_CHUNK) all.push('')
    all[all.length - 1] += ch
    return all
  }, [])
  return (pieces.length ? pieces : ['']).map((piece) => `'${piece.replaceAll("'", "''")}'`).join(' +\n    ')
}

/** Names as a list over several lines, a few to a line. */
const nameList = (names: readonly string[], indent = '  ') =>
  names.reduce<string[]>((lines, name) => {
    if (!lines.length || lines.at(-1)!.length + name.length > 76) lines.push(indent)
    lines[lines.length - 1] += `${lines.at(-1)!.trim() ? ' ' : ''}${name}`
    return lines
  }, [])

function readFormat(column: SyntaxColumn, raw: boolean): string {
  if (column.kind === 'text') return `A${column.width}`
  if (raw) return 'A64'
  return column.name === 'response_id' ? 'F10.0' : 'F8.0'
}

/** Columns read as text and recoded into numbers: items with codes, and every coded column. */
const isRecoded = (column: SyntaxColumn) => column.kind === 'coded' || (column.kind === 'number' && (column.notRelevant.length > 0 || column.ordinal))

function recode(column: SyntaxColumn, raw: string, name: string): string {
  if (column.kind === 'coded') return `RECODE ${raw} ${column.codes.map(({ code }, i) => `('${code}'=${i + 1})`).join(' ')} INTO ${name}.`
  const nr = column.kind === 'number' ? column.notRelevant.map((code) => `('${code}'=${NOT_RELEVANT_NUMBERS[code]})`) : []
  return `RECODE ${raw} ${[...nr, '(CONVERT)'].join(' ')} INTO ${name}.`
}

function valueLabels(column: SyntaxColumn): { value: number; label: string }[] {
  if (column.kind === 'coded') return column.codes.map(({ label }, i) => ({ value: i + 1, label }))
  return column.kind === 'number' ? column.valueLabels : []
}

/** A command's subcommands, one after another, each after a slash: `  a 'A'\n  / b 'B'`. Each entry starts with two spaces. */
const subcommands = (entries: readonly string[]) => entries.map((entry, i) => (i ? `  / ${entry.slice(2)}` : entry)).join('\n')

const level = (column: SyntaxColumn) =>
  column.kind === 'coded' ? 'NOMINAL' : column.kind === 'number' ? (column.ordinal || column.valueLabels.length ? 'ORDINAL' : 'SCALE') : 'NOMINAL'

export function spssSyntax({ programmeName, fileName, columns, definitions, generatedOn }: SyntaxFileInput): string {
  const names = variableNames(
    columns.map((c) => c.name),
    MAX_NAME,
    SPSS_RESERVED,
  )
  const name = (c: SyntaxColumn) => names.get(c.name)!
  const taken = new Set([...names.values()])
  let rawCount = 0
  const raws = new Map<SyntaxColumn, string>()
  for (const c of columns.filter(isRecoded)) {
    let raw = `lsraw${++rawCount}`
    while (taken.has(raw)) raw += 'x'
    raws.set(c, raw)
  }
  const texts = columns.filter((c) => c.kind === 'text' && !c.name.endsWith('_at'))
  const widest = Math.max(1, ...texts.map((c) => (c.kind === 'text' ? c.width : 1)))
  const labelled = columns.filter((c) => valueLabels(c).length)
  const missing = columns.filter((c) => c.kind === 'number' && c.notRelevant.length)

  return `* Encoding: UTF-8.
* Linkscore: reads ${fileName} into SPSS (or GNU PSPP) with variable and value labels.
* Written by Linkscore on ${generatedOn} for ${programmeName.replace(/\s+/g, ' ')}, from ${definitions}.
* Download it again when the questionnaires change: the labels below are generated, not typed.
*
* How to use it: put this file in the folder of the downloaded CSV file, keeping its name, and run it whole
* (SPSS: File > Open > Syntax, Run > All; PSPP: pspp ${fileName.replace(/\.csv$/, '')}.sps, or open it in psppire).
* It may need CD 'that folder'. first.
*
* Agree items are 1-5, 0-10 items 0-10. "Not relevant" answers become ${NOT_RELEVANT_CODES.map((c) => `${NOT_RELEVANT_NUMBERS[c]} (${c})`).join(', ')},
* labelled and declared missing, so they are in no mean; FREQUENCIES lists them as missing.
* Single-choice answers, waves, roles, settings, languages, stages and rurality are numbered 1, 2, 3 ... in
* the codebook's order, each number labelled. Multi-choice options are 0/1 columns: 1 chosen, 0 not.
* Reverse-keyed items are not reversed: see the codebook's reverse column.
* A free-text answer with a line break in it cannot be read by SPSS or PSPP (a line break ends a row there).

GET DATA
  /TYPE=TXT
  /FILE='${fileName}'
  /ENCODING='UTF8'
  /ARRANGEMENT=DELIMITED
  /DELCASE=LINE
  /FIRSTCASE=2
  /DELIMITERS=','
  /QUALIFIER='"'
  /VARIABLES=
${columns.map((c) => `    ${raws.get(c) ?? name(c)} ${readFormat(c, raws.has(c))}`).join('\n')}
.

* Codes into numbers.
${columns
  .filter((c) => raws.has(c))
  .map((c) => recode(c, raws.get(c)!, name(c)))
  .join('\n')}

* Linkscore writes a text cell starting with =, +, -, @ with a leading ' so spreadsheets do not run it: take it off.
STRING #rest (A${widest}).
${texts
  .map(
    (c) => `COMPUTE #rest = LTRIM(${name(c)}, "'").
IF (SUBSTR(${name(c)}, 1, 1) = "'" AND INDEX("=+-@", SUBSTR(#rest, 1, 1)) > 0) ${name(c)} = SUBSTR(${name(c)}, 2).`,
  )
  .join('\n')}

* The columns in the file's order, without the text they were read from.
MATCH FILES /FILE=*
  /KEEP=
${nameList(columns.map(name), '    ').join('\n')}.

FORMATS
${columns
  .filter((c) => raws.has(c))
  .map((c) => `  ${name(c)} (F${c.kind === 'coded' ? 3 : 2}.0)`)
  .join('\n')}.

VARIABLE LABELS
${subcommands(columns.map((c) => `  ${name(c)} ${spssString(c.label)}`))}.

VALUE LABELS
${subcommands(
  labelled.map(
    (c) =>
      `  ${name(c)}\n${valueLabels(c)
        .map((v) => `    ${v.value} ${spssString(v.label, MAX_VALUE_LABEL)}`)
        .join('\n')}`,
  ),
)}.
${
  missing.length
    ? `
MISSING VALUES
${subcommands(missing.map((c) => `  ${name(c)} (${c.kind === 'number' ? c.notRelevant.map((code) => NOT_RELEVANT_NUMBERS[code]).join(', ') : ''})`))}.
`
    : ''
}
VARIABLE LEVEL
${subcommands(
  (['NOMINAL', 'ORDINAL', 'SCALE'] as const)
    .map((l) => [l, columns.filter((c) => level(c) === l).map(name)] as const)
    .filter(([, list]) => list.length)
    .map(([l, list]) => `${nameList(list, '  ').join('\n')} (${l})`),
)}.

EXECUTE.
`
}
