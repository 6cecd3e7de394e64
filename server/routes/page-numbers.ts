// Which page of a long list to show, and the numbered links to the others, as nhsuk-frontend's numbered pagination
// lays them out: the first and last page, the current one and its neighbours, an ellipsis for each gap.

export interface PageWindow {
  /** From 1; a page past the last is the last, so an old link to a list that has shrunk still shows rows. */
  page: number
  pages: number
  /** The rows of this page: from `first` (counting from 1) to `last`; both 0 when there are none. */
  first: number
  last: number
}

export function pageWindow(total: number, pageSize: number, requested = 1): PageWindow {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Math.floor(requested)), pages)
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1
  return { page, pages, first, last: Math.min(total, page * pageSize) }
}

/** Page numbers to link to, in order, with null for an ellipsis: 1 … 4 5 6 … 20. */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b)
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]))
}
