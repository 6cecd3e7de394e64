// Variable names for SPSS and Stata from the responses file's column names: within the program's length, not one of
// its reserved words, and each different. Column names are already a-z, 0-9 and _, starting with a letter.

/** SPSS's reserved words, which cannot name a variable. */
export const SPSS_RESERVED = ['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with']
/** Stata's reserved names (the manual's list, [U] 11.3). */
export const STATA_RESERVED = [
  '_all', '_b', 'byte', '_coef', '_cons', 'double', 'float', 'if', 'in', 'int', 'long', '_n', '_N', '_pi', '_pred', '_rc', '_skip', 'strl', 'using', 'with',
] // prettier-ignore

/**
 * Each column's variable name: the column name where it fits; otherwise cut to `maxLength` with `_2`, `_3` … added until
 * it is unused. A reserved word gets `_v` added. Names are kept in column order, so earlier columns keep theirs.
 */
export function variableNames(columns: readonly string[], maxLength: number, reserved: readonly string[]): Map<string, string> {
  const taken = new Set<string>()
  const isFree = (name: string) => name.length <= maxLength && !taken.has(name.toLowerCase()) && !reserved.includes(name) && !/^str\d+$/.test(name)
  const names = new Map<string, string>()
  for (const column of columns) {
    let name = reserved.includes(column) ? `${column}_v` : column
    for (let n = 2; !isFree(name); n++) name = `${column.slice(0, maxLength - String(n).length - 1)}_${n}`
    taken.add(name.toLowerCase())
    names.set(column, name)
  }
  return names
}
