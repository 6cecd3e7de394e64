// The exports page: a GET form of choices that rewrites the download links, without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedExportFixture } from '../../support/export-fixture.js'
import { httpClient, type HttpClient, type Page } from '../../support/http-client.js'
import { addStaff, signIn } from '../../support/staff-users.js'
import { testLinkscore, type TestLinkscore } from '../../support/test-linkscore.js'

let ls: TestLinkscore
let client: HttpClient
beforeAll(async () => {
  ls = await testLinkscore()
  await seedExportFixture(ls)
  client = httpClient(ls.app)
  await signIn(client, 'eva@example.org', await addStaff(ls, 'eva@example.org', 'evaluator', { programmes: ['north', 'south'] }))
})
afterAll(() => ls.close())

const links = (page: Page) =>
  page
    .$('.ls-downloads a')
    .map((_, a) => `${page.$(a).text()} -> ${page.$(a).attr('href')}`)
    .get()
const checked = (page: Page, name: string) =>
  page
    .$(`input[name="${name}"]:checked`)
    .map((_, input) => page.$(input).attr('value'))
    .get()
const radios = (page: Page, name: string) =>
  page
    .$(`input[name="${name}"]`)
    .map((_, input) => page.$(input).attr('value'))
    .get()

describe('the exports page', () => {
  it('offers the latest wave compared with the one before, and links every download with its choices', async () => {
    const page = await client.get('/programmes/north/exports')
    expect(page.status).toBe(200)
    expect(page.heading).toBe('Download data: North PCN')
    expect(page.$('main form').attr('method')).toBe('get')
    expect(page.$('main form').attr('action')).toBe('/programmes/north/exports')
    expect(radios(page, 'wave')).toEqual(['six-months', 'baseline', 'all'])
    expect(checked(page, 'wave')).toEqual(['six-months'])
    expect(checked(page, 'from')).toEqual(['baseline'])
    expect(checked(page, 'weighting')).toEqual(['respondents'])
    expect(checked(page, 'include-partial')).toEqual([])
    expect(links(page)).toEqual([
      'Answers, long format: Six months -> /programmes/north/exports/answers.csv?wave=six-months',
      'Responses, wide format: Six months -> /programmes/north/exports/responses.csv?wave=six-months',
      'Practice scores: Six months -> /programmes/north/exports/scores.csv?wave=six-months',
      'Scale statistics: Six months -> /programmes/north/exports/scale-stats.csv?wave=six-months',
      'Item statistics: Six months -> /programmes/north/exports/item-stats.csv?wave=six-months',
      'Change from Baseline to Six months -> /programmes/north/exports/change.csv?from=baseline&to=six-months',
      'Codebook -> /programmes/north/exports/codebook.csv',
      'Action plans -> /programmes/north/exports/actions.csv',
      'R script to read these files -> /programmes/north/exports/linkscore.R?wave=six-months&from=baseline',
      'SPSS syntax to read the responses file -> /programmes/north/exports/linkscore.sps?wave=six-months',
      'Stata do-file to read the responses file -> /programmes/north/exports/linkscore.do?wave=six-months',
    ])
    expect(page.$('.ls-downloads .nhsuk-hint').first().text()).toBe('File: north-six-months-answers.csv')
    expect(page.$('.nhsuk-back-link a').attr('href')).toBe('/staff')
  })

  it('carries the choices into the links and keeps them ticked', async () => {
    const page = await client.get('/programmes/north/exports?wave=baseline&weighting=settings&include-partial=yes')
    expect(checked(page, 'wave')).toEqual(['baseline'])
    expect(checked(page, 'weighting')).toEqual(['settings'])
    expect(checked(page, 'include-partial')).toEqual(['yes'])
    expect(links(page)).toEqual([
      'Answers, long format: Baseline -> /programmes/north/exports/answers.csv?wave=baseline&include-partial=yes',
      'Responses, wide format: Baseline -> /programmes/north/exports/responses.csv?wave=baseline&include-partial=yes',
      'Practice scores: Baseline -> /programmes/north/exports/scores.csv?wave=baseline&weighting=settings',
      'Scale statistics: Baseline -> /programmes/north/exports/scale-stats.csv?wave=baseline&weighting=settings',
      'Item statistics: Baseline -> /programmes/north/exports/item-stats.csv?wave=baseline',
      'Codebook -> /programmes/north/exports/codebook.csv',
      'Action plans -> /programmes/north/exports/actions.csv',
      'R script to read these files -> /programmes/north/exports/linkscore.R?wave=baseline',
      'SPSS syntax to read the responses file -> /programmes/north/exports/linkscore.sps?wave=baseline&include-partial=yes',
      'Stata do-file to read the responses file -> /programmes/north/exports/linkscore.do?wave=baseline&include-partial=yes',
    ])
    expect(page.$('main').text()).toContain('For the change between two waves, choose a different wave under "Compare with".')
  })

  it('offers the answers and responses of all waves, and the syntax files reading them; the other files stay with the latest wave', async () => {
    const page = await client.get('/programmes/north/exports?wave=all')
    expect(checked(page, 'wave')).toEqual(['all'])
    expect(links(page)).toEqual([
      'Answers, long format: every wave -> /programmes/north/exports/answers.csv?wave=all',
      'Responses, wide format: every wave -> /programmes/north/exports/responses.csv?wave=all',
      'Practice scores: Six months -> /programmes/north/exports/scores.csv?wave=six-months',
      'Scale statistics: Six months -> /programmes/north/exports/scale-stats.csv?wave=six-months',
      'Item statistics: Six months -> /programmes/north/exports/item-stats.csv?wave=six-months',
      'Change from Baseline to Six months -> /programmes/north/exports/change.csv?from=baseline&to=six-months',
      'Codebook -> /programmes/north/exports/codebook.csv',
      'Action plans -> /programmes/north/exports/actions.csv',
      'R script to read these files -> /programmes/north/exports/linkscore.R?wave=six-months&from=baseline',
      'SPSS syntax to read the responses file -> /programmes/north/exports/linkscore.sps?wave=all',
      'Stata do-file to read the responses file -> /programmes/north/exports/linkscore.do?wave=all',
    ])
    const files = page
      .$('.ls-downloads .nhsuk-hint')
      .map((_, hint) => page.$(hint).text())
      .get()
    expect(files.slice(0, 2)).toEqual(['File: north-all-waves-answers.csv', 'File: north-all-waves-responses.csv'])
    expect(files.slice(-2)).toEqual(['File: north-all-waves-responses.sps', 'File: north-all-waves-responses.do'])
    expect(page.$('main').text()).toContain('The answers and responses files hold every wave, in wave order')
  })

  it('takes the same wave to compare with as no comparison, not as a mistake', async () => {
    const page = await client.get('/programmes/north/exports?wave=six-months&from=six-months')
    expect(page.status).toBe(200)
    expect(links(page).filter((link) => link.startsWith('Change'))).toEqual([])
    expect(page.$('main').text()).toContain('choose a different wave under "Compare with"')
  })

  it('links only the codebook and R script for a programme with no waves', async () => {
    const page = await client.get('/programmes/south/exports')
    expect(page.$('main form').length).toBe(0)
    expect(page.$('main').text()).toContain('This programme has no waves yet')
    expect(links(page)).toEqual(['Codebook -> /programmes/south/exports/codebook.csv', 'R script to read these files -> /programmes/south/exports/linkscore.R'])
  })

  it.each(['wave=six-months&from=baseline&weighting=settings&include-partial=yes', 'wave=all'])('every link it gives downloads (%s)', async (query) => {
    const page = await client.get(`/programmes/north/exports?${query}`)
    for (const href of page
      .$('.ls-downloads a')
      .map((_, a) => page.$(a).attr('href'))
      .get()) {
      expect((await client.download(href)).status, href).toBe(200)
    }
  })
})
