import { describe, expect, it } from 'vitest'
import { safeNextPath } from '../../../server/routes/staff/safe-next-path.js'

describe('where to go after signing in', () => {
  it.each([
    ['/staff', '/staff'],
    ['/audit?page=2', '/audit?page=2'],
    ['/programmes/north/practices/N1', '/programmes/north/practices/N1'],
    ['https://evil.example/', undefined],
    ['//evil.example/', undefined],
    ['/\\evil.example', undefined],
    ['/staff\r\nSet-Cookie: x=1', undefined],
    ['staff', undefined],
    ['', undefined],
    ['/sign-in', undefined],
    ['/sign-in?next=/staff', undefined],
    ['/sign-out', undefined],
    [['/staff', '/audit'], undefined],
    [undefined, undefined],
    [`/${'x'.repeat(2000)}`, undefined],
  ])('%j → %j', (value, expected) => {
    expect(safeNextPath(value)).toBe(expected)
  })
})
