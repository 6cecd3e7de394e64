// A browser-like HTTP client over supertest: keeps cookies, reads CSRF tokens from forms, parses HTML with cheerio.
import * as cheerio from 'cheerio'
import request from 'supertest'
import type { Express } from 'express'

export interface Page {
  status: number
  location?: string
  $: cheerio.CheerioAPI
  csrf: string
  heading: string
  title: string
  errorSummary: { text: string; href: string }[]
}

export function httpClient(app: Express | string) {
  const agent = request.agent(app)
  const toPage = (res: request.Response): Page => {
    const $ = cheerio.load(res.text ?? '')
    return {
      status: res.status,
      location: res.headers.location,
      $,
      csrf: $('input[name=_csrf]').first().attr('value') ?? '',
      heading: $('h1').first().text().trim(),
      title: $('title').text().trim(),
      errorSummary: $('.nhsuk-error-summary__list a')
        .map((_, a) => ({ text: $(a).text().trim(), href: $(a).attr('href') ?? '' }))
        .get(),
    }
  }
  return {
    async get(url: string): Promise<Page> {
      return toPage(await agent.get(url))
    },
    /** The response as sent, for downloads: status, headers and body text. */
    async download(url: string): Promise<{ status: number; headers: Record<string, string>; text: string }> {
      const res = await agent.get(url)
      return { status: res.status, headers: res.headers as Record<string, string>, text: res.text }
    },
    /** Follows redirects like a browser would, returning the final page and its URL. */
    async follow(url: string): Promise<Page & { url: string }> {
      let current = url
      for (let hops = 0; hops < 10; hops++) {
        const page = toPage(await agent.get(current))
        if (page.status < 300 || page.status >= 400) return { ...page, url: current }
        current = page.location!
      }
      throw new Error(`too many redirects from ${url}`)
    },
    async post(url: string, fields: Record<string, string | string[]>, csrf?: string): Promise<Page> {
      const params = new URLSearchParams()
      if (csrf !== undefined) params.append('_csrf', csrf)
      for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(key, v)
      return toPage(await agent.post(url).type('form').send(params.toString()))
    },
    /** Posts a form body exactly as given, for bodies no browser would build; the answer unparsed. */
    async postRaw(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
      const res = await agent.post(url).set(headers).type('form').send(body)
      return { status: res.status, text: res.text }
    },
    /** Posts a multipart form as a browser sends one: the CSRF field first, then the fields, then the file (if any). */
    async upload(url: string, csrf: string, file?: { name: string; content: string | Buffer }, fields: Record<string, string> = {}): Promise<Page> {
      let req = agent.post(url).field('_csrf', csrf)
      for (const [key, value] of Object.entries(fields)) req = req.field(key, value)
      if (file) req = req.attach('file', Buffer.from(file.content), { filename: file.name, contentType: 'text/csv' })
      return toPage(await req)
    },
    /** GETs the form page for its CSRF token, then POSTs to the same URL. */
    async submit(url: string, fields: Record<string, string | string[]>): Promise<Page> {
      const form = await this.get(url)
      return this.post(url, fields, form.csrf)
    },
  }
}
export type HttpClient = ReturnType<typeof httpClient>
