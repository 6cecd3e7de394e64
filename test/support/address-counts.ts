// The e-mail invitations page's first row of counts (its first practice), cell by cell, as the page shows them.
import type { Page } from './http-client.js'

export const addressCountsRow = (page: Page): string[] =>
  page
    .$('#address-counts tbody tr')
    .first()
    .find('td')
    .map((_, td) => page.$(td).text())
    .get()
