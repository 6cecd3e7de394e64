// A table's body as a reader sees it: for each row, the words of its header and of every cell, spaces collapsed.
import type { Page } from './http-client.js'

export function bodyRows(page: Page, table: ReturnType<Page['$']>): string[][] {
  return table
    .find('tbody tr')
    .map((_, tr) => [
      page
        .$(tr)
        .find('th, td')
        .map((_, cell) => page.$(cell).text().replace(/\s+/g, ' ').trim())
        .get(),
    ])
    .get()
}
