import { describe, expect, it } from 'vitest'
import { redactPath } from '../../server/middleware/request-logging.js'

describe('request log paths', () => {
  it.each([
    ['/s/AbCdEfGhIjKlMnOpQrStUvWx', '/s/:token'],
    ['/r/AbCdEfGhIjKlMnOpQrStUvWx/pilot/first-page?change=1', '/r/:token/pilot/first-page'],
    ['/p/B86001/baseline', '/p/B86001/baseline'],
    ['/static/css/linkscore.css', '/static/css/linkscore.css'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactPath(url)).toBe(logged)
  })
})
