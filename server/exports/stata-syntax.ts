// The Stata do-file offered beside the SPSS syntax: reads the responses file with variable and value labels, coded as
// the SPSS syntax codes it, "not relevant" as the extended missing values .a, .b and .c. Not run in Stata here: the
// tests check each line against the few commands it writes (test/exports/stata-syntax.test.ts).
import { NOT_RELEVANT_CODES, type NotRelevantCode } from '../questionnaires/definition-schema.js'
import type { SyntaxFileInput } from './spss-syntax.js'
import { NOT_RELEVANT_NUMBERS, type SyntaxColumn } from './syntax-columns.js'
import { STATA_RESERVED, variableNames } from './syntax-names.js'

export const STATA_MAX_NAME = 32
/** Stata keeps 80 characters of a variable label. */
export const STATA_MAX_VARIABLE_LABEL = 80
export const STATA_MISSING: Record<NotRelevantCode, string> = { nr_role: '.a', nr_stage: '.b', nr_intervention: '.c' }

/**
 * A Stata string literal on one line. Double quotes become single ones (a label needs no compound quotes then), a
 * backslash a slash (it could escape what follows), and `$` and the backquote are escaped so that Stata does not expand
 * them as macros.
 */
export function stataString(text: string, maxLength = Infinity): string {
  const flat = [...text.replace(/\s+/g, ' ').trim().replaceAll('"', "'")].slice(0, maxLength).join('')
  return `"${flat.replaceAll('\\', '/').replaceAll('$', '\\$').replaceAll('`', '\\`')}"`
}

const lines = (parts: (string | false)[]) => parts.filter((p): p is string => p !== false).join('\n')

function valueLabels(column: SyntaxColumn): { value: number; label: string }[] {
  if (column.kind === 'coded') return column.codes.map(({ label }, i) => ({ value: i + 1, label }))
  if (column.kind !== 'number') return []
  const notRelevant = new Set(Object.values(NOT_RELEVANT_NUMBERS))
  return column.valueLabels.filter((v) => !notRelevant.has(v.value))
}

/** The "not relevant" labels, on Stata's .a–.c where SPSS has 97–99. */
function missingLabels(column: SyntaxColumn): { value: string; label: string }[] {
  if (column.kind !== 'number') return []
  return column.notRelevant.map((code) => ({
    value: STATA_MISSING[code],
    label: column.valueLabels.find((v) => v.value === NOT_RELEVANT_NUMBERS[code])?.label ?? code,
  }))
}

function convert(column: SyntaxColumn, name: string): string {
  if (column.kind === 'text') return ''
  if (column.kind === 'coded') {
    return lines([
      'capture drop lstmp',
      'generate int lstmp = .',
      ...column.codes.map(({ code }, i) => `replace lstmp = ${i + 1} if ${name} == "${code}"`),
      `order lstmp, after(${name})`,
      `drop ${name}`,
      `rename lstmp ${name}`,
    ])
  }
  return lines([...column.notRelevant.map((code) => `replace ${name} = "${STATA_MISSING[code]}" if ${name} == "${code}"`), `destring ${name}, replace`])
}

function labels(column: SyntaxColumn, name: string): string {
  const values = [...valueLabels(column), ...missingLabels(column)]
  return lines([
    `label variable ${name} ${stataString(column.label, STATA_MAX_VARIABLE_LABEL)}`,
    values.length > 0 &&
      lines([`label define ${name} ${values.map((v) => `${v.value} ${stataString(v.label)}`).join(' ')}, replace`, `label values ${name} ${name}`]),
  ])
}

export function stataSyntax({ programmeName, fileName, columns, definitions, generatedOn }: SyntaxFileInput): string {
  const names = variableNames(
    columns.map((c) => c.name),
    STATA_MAX_NAME,
    STATA_RESERVED,
  )
  const name = (c: SyntaxColumn) => names.get(c.name)!
  const renames = columns.map((c, i) => `rename v${i + 1} ${name(c)}`)
  const texts = columns.filter((c) => c.kind === 'text' && !c.name.endsWith('_at'))
  return `* Linkscore: reads ${fileName} into Stata with variable and value labels.
* Written by Linkscore on ${generatedOn} for ${programmeName.replace(/\s+/g, ' ')}, from ${definitions}.
* Download it again when the questionnaires change: the labels below are generated, not typed.
*
* How to use it: put this file in the folder of the downloaded CSV file, keeping its name;
* in Stata, cd to that folder and run: do ${fileName.replace(/\.csv$/, '')}.do
*
* Agree items are 1-5, 0-10 items 0-10; "not relevant" answers become ${NOT_RELEVANT_CODES.map((c) => `${STATA_MISSING[c]} (${c})`).join(', ')},
* labelled extended missing values. Single-choice answers, waves, roles, settings, languages, stages and
* rurality are numbered 1, 2, 3 ... in the codebook's order, each number labelled, as in the SPSS syntax.
* Multi-choice options are 0/1. A column name longer than 32 characters is cut (see each variable's
* characteristic linkscore_column for the name in the file). Reverse-keyed items are not reversed.
* This file was checked line by line by Linkscore's tests, but not run in Stata.

version 16
clear
import delimited using "${fileName}", varnames(nonames) rowrange(2) delimiters(",") bindquote(strict) encoding("utf-8") stringcols(_all) clear

${renames.join('\n')}

${columns.map((c) => `char ${name(c)}[linkscore_column] "${c.name}"`).join('\n')}

* Linkscore writes a text cell starting with =, +, -, @ with a leading ' so spreadsheets do not run it: take it off.
${texts.map((c) => `replace ${name(c)} = usubstr(${name(c)}, 2, .) if ustrregexm(${name(c)}, "^'+[-=+@]")`).join('\n')}

* Codes into numbers.
${columns
  .map((c) => convert(c, name(c)))
  .filter(Boolean)
  .join('\n')}

* Labels.
${columns.map((c) => labels(c, name(c))).join('\n')}
`
}
