import * as cheerio from 'cheerio'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

let ls: TestLinkscore
beforeAll(async () => {
  ls = await testLinkscore()
})
afterAll(() => ls.close())

const footer = (html: string) => cheerio.load(html)('.nhsuk-footer__list-item-link').first().text()
const htmlLang = (html: string) => cheerio.load(html)('html').attr('lang')

describe('the language of a page', () => {
  it('is English when nothing asks for another', async () => {
    const res = await request(ls.app).get('/accessibility')
    expect([htmlLang(res.text), footer(res.text)]).toEqual(['en-GB', 'Privacy'])
    const $ = cheerio.load(res.text)
    expect($('.nhsuk-header__account-link').text()).toBe('Nederlands')
    expect($('.nhsuk-header__account-link').attr('lang')).toBe('nl')
    expect($('.nhsuk-header__account-link').attr('href')).toBe('/language?to=nl&next=%2Faccessibility')
  })

  it("follows the browser's Accept-Language among the languages Linkscore has", async () => {
    for (const [header, lang] of [
      ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
      ['fr-FR,nl;q=0.5', 'nl'],
      ['en-US,en;q=0.9', 'en-GB'],
      ['fr-FR', 'en-GB'],
    ]) {
      const res = await request(ls.app).get('/accessibility').set('Accept-Language', header!)
      expect({ header, lang: htmlLang(res.text) }).toEqual({ header, lang })
    }
  })

  it('is remembered once chosen in the header, over what the browser asks for', async () => {
    const chosen = await request(ls.app).get('/language?to=nl&next=%2Fprivacy')
    expect(chosen.status).toBe(303)
    expect(chosen.headers.location).toBe('/privacy')
    const cookie = chosen.headers['set-cookie']![0]!
    expect(cookie).toMatch(/^linkscore_language=nl; Max-Age=31536000; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/)
    const res = await request(ls.app).get('/privacy').set('Cookie', cookie.split(';')[0]!).set('Accept-Language', 'en-GB')
    expect([htmlLang(res.text), footer(res.text)]).toEqual(['nl', 'Privacy'])
    expect(cheerio.load(res.text)('.nhsuk-footer__list-item-link').last().text()).toBe('Toegankelijkheid')
    expect(cheerio.load(res.text)('.nhsuk-header__account-link').text()).toBe('English')
  })

  it('is not changed by an unknown language, and the choice never leads to another site', async () => {
    const unknown = await request(ls.app).get('/language?to=fr&next=%2Fprivacy')
    expect([unknown.status, unknown.headers['set-cookie']]).toEqual([303, undefined])
    const elsewhere = await request(ls.app).get('/language?to=nl&next=%2F%2Fevil.example')
    expect(elsewhere.headers.location).toBe('/')
  })

  it('leads back to the sign-in page it was chosen on, with where the sign-in would go', async () => {
    const page = await request(ls.app).get('/sign-in?next=%2Fprogrammes')
    const href = cheerio.load(page.text)('.nhsuk-header__account-link').attr('href')!
    expect(href).toBe('/language?to=nl&next=%2Fsign-in%3Fnext%3D%252Fprogrammes')
    const chosen = await request(ls.app).get(href)
    expect([chosen.status, chosen.headers.location]).toEqual([303, '/sign-in?next=%2Fprogrammes'])
  })

  it('words error pages too', async () => {
    const res = await request(ls.app).get('/no/such/page').set('Accept-Language', 'nl')
    expect(res.status).toBe(404)
    expect(cheerio.load(res.text)('h1').text()).toBe('Pagina niet gevonden')
    expect(cheerio.load(res.text)('title').text()).toBe('Pagina niet gevonden – Linkscore')
  })
})
