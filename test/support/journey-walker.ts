// Walks the respondent journey over HTTP as a respondent would, answering every page by field name and stored code
// (never by the words shown), so the same respondent gives the same answers in every language.
import { expect } from 'vitest'
import type { HttpClient, Page } from './http-client.js'

/** A small number from a text, the same in every run and language. */
export function pick(text: string, n: number): number {
  let hash = 7
  for (const c of text) hash = (hash * 31 + c.charCodeAt(0)) % 1_000_003
  return hash % n
}

/** The answers respondent `r` gives on a page: one option per radio group, some boxes ticked, every text filled. */
export function answersOn(page: Page, r: number): Record<string, string | string[]> {
  const { $ } = page
  const form = $('main form[method=post]').last()
  const fields: Record<string, string | string[]> = {}
  const radios = new Map<string, string[]>()
  const boxes = new Map<string, string[]>()
  form.find('input').each((_, element) => {
    const input = $(element)
    const name = input.attr('name')!
    const value = input.attr('value') ?? ''
    const type = input.attr('type') ?? 'text'
    if (name === '_csrf') return
    if (type === 'radio') radios.set(name, [...(radios.get(name) ?? []), value])
    else if (type === 'checkbox') boxes.set(name, [...(boxes.get(name) ?? []), value])
    else if (type === 'hidden') fields[name] = value
    else if (type === 'number') fields[name] = String(pick(`${r}${name}`, 10))
    else fields[name] = `Answer ${r} to ${name}`
  })
  form.find('textarea').each((_, element) => {
    fields[$(element).attr('name')!] = `Comment ${r} on ${$(element).attr('name')}`
  })
  for (const [name, values] of radios) fields[name] = values[pick(`${r}${name}`, values.length)]!
  for (const [name, values] of boxes) fields[name] = values.filter((v) => pick(`${r}${name}${v}`, 3) === 0)
  return fields
}

export interface JourneyStep {
  /** The page's path, without the response's token: `/about-you`, `/normalisation/coherence`, `/check-answers`. */
  step: string
  page: Page
}

/**
 * From a start page (already fetched) to the confirmation, answering every page as respondent `r`; `onPage` sees each
 * page before it is answered, and the confirmation. Returns the steps in order.
 */
export async function walkJourney(client: HttpClient, start: Page, r: number, onPage: (step: JourneyStep) => Promise<void> = async () => {}) {
  const steps: JourneyStep[] = []
  let next = (await client.post(start.$('main form[method=post]').attr('action')!, {}, start.csrf)).location
  for (let pages = 0; next; pages++) {
    if (pages > 40) throw new Error('the journey did not end')
    const page = await client.follow(next)
    next = page.url
    expect(page.status, next).toBe(200)
    const step = { step: next.replace(/^\/r\/[^/]+/, ''), page }
    steps.push(step)
    await onPage(step)
    if (next.endsWith('/confirmation')) break
    const sent = await client.post(next, next.endsWith('/check-answers') ? {} : answersOn(page, r), page.csrf)
    expect(sent.status, `${next}: ${sent.errorSummary.map((e) => e.text).join('; ')}`).toBe(303)
    next = sent.location
  }
  expect(steps.at(-1)?.step).toBe('/confirmation')
  return steps
}
