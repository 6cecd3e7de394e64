import { describe, expect, it } from 'vitest'
import { resumeCookieExpiry } from '../../server/survey/resume-cookie-expiry.js'

describe('how long a browser remembers an open-link response', () => {
  it.each([
    { closesOn: '2027-01-31', expires: '2027-02-01T00:00:00.000Z' },
    { closesOn: '2026-12-31', expires: '2027-01-01T00:00:00.000Z' },
    { closesOn: '2028-02-28', expires: '2028-02-29T00:00:00.000Z' },
  ])('until the end of the closing day $closesOn', ({ closesOn, expires }) => {
    expect(resumeCookieExpiry(closesOn)?.toISOString()).toBe(expires)
  })

  it('for the browser session only when the wave has no closing date', () => {
    expect(resumeCookieExpiry(null)).toBeUndefined()
  })
})
