// Walks a respondent into a survey through an open practice link, as a browser would, and returns what a load generator
// needs to ask for a section page and to save it: its URL, the form cookie, and a complete form body.
export interface SectionRequest {
  url: string
  cookie: string
  /** The page's form filled in: the first choice of every question, with the form's token. */
  body: string
  /** Bytes of the page's HTML. */
  pageBytes: number
}

const formCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('linkscore.form='))
    ?.split(';')[0]
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

/** The largest section page a respondent sees (about 31 KB): the good practice questions for a link worker. */
export const LARGEST_SECTION = { role: 'link_worker', page: 'good-practice/working-with-others' }

export async function respondentSection(baseUrl: string, openLinkPath: string, { role, page: section } = LARGEST_SECTION): Promise<SectionRequest> {
  const start = await fetch(`${baseUrl}${openLinkPath}`)
  const cookie = formCookie(start)
  if (!start.ok || !cookie) throw new Error(`${openLinkPath} answered ${start.status} without a form cookie`)
  const csrf = csrfOf(await start.text())
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    })
  const started = await post(openLinkPath, {})
  const resume = started.headers.get('location')
  if (started.status !== 303 || !resume?.startsWith('/r/')) throw new Error(`starting the survey answered ${started.status} ${resume}`)
  const aboutYou = `${resume}/about-you`
  const savedAboutYou = await post(aboutYou, { role })
  if (savedAboutYou.status !== 303) throw new Error(`saving "About you" answered ${savedAboutYou.status}`)
  const url = `${resume}/${section}`
  const page = await fetch(`${baseUrl}${url}`, { headers: { cookie } })
  const html = await page.text()
  if (page.status !== 200) throw new Error(`${url} answered ${page.status}`)
  return { url, cookie, body: filledIn(html), pageBytes: Buffer.byteLength(html) }
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]

/** The page's form with the first choice of every radio and checkbox question, and its token. */
export function filledIn(html: string): string {
  const fields = new URLSearchParams({ _csrf: csrfOf(html) })
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const [type, name, value] = ['type', 'name', 'value'].map((a) => attribute(tag, a))
    if ((type === 'radio' || type === 'checkbox') && name && value !== undefined && !fields.has(name)) fields.set(name, value)
  }
  return fields.toString()
}
