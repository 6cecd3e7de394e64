import express from 'express'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { userErrorPage } from '../../server/user-errors.js'
import type { StaffUser } from '../../server/domain/staff-user.js'
import { requireStaff, signedInUser } from '../../server/middleware/require-staff.js'
import { canAdminister } from '../../server/services/staff-access.js'

const EVALUATOR: StaffUser = { id: 1, email: 'eva@example.org', role: 'evaluator', programmeIds: [1], practiceIds: [] }
const ADMIN: StaffUser = { ...EVALUATOR, role: 'admin' }

/** A small app: `as` decides who is signed in, as loadStaffUser would; errors answer with their status. */
function app(as: StaffUser | undefined) {
  const a = express()
  a.use((_req, res, next) => {
    if (as) res.locals.user = as
    next()
  })
  a.all('/open', requireStaff(), (_req, res) => void res.send(signedInUser(res).email))
  a.all('/admin', requireStaff(canAdminister), (_req, res) => void res.send('admin page'))
  a.get('/unguarded', (_req, res) => void res.send(signedInUser(res).email))
  a.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(userErrorPage(error)?.status ?? 500).send(error instanceof Error ? error.message : '')
  })
  return a
}

describe('requiring a signed-in staff member', () => {
  it('sends anyone else to sign in, and back to the page afterwards', async () => {
    const res = await request(app(undefined)).get('/open?x=1&y=2')
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/sign-in?next=%2Fopen%3Fx%3D1%26y%3D2')
  })

  it('sends a form post to sign in without a way back, since a redirect cannot repeat the post', async () => {
    const res = await request(app(undefined)).post('/open')
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/sign-in')
  })

  it('lets staff through', async () => {
    expect((await request(app(EVALUATOR)).get('/open')).text).toBe('eva@example.org')
    expect((await request(app(ADMIN)).get('/admin')).text).toBe('admin page')
  })

  it('answers 404 to staff the page is not for', async () => {
    expect((await request(app(EVALUATOR)).get('/admin')).status).toBe(404)
  })

  it('fails loudly when a handler asks for the user without the guard', async () => {
    const res = await request(app(undefined)).get('/unguarded')
    expect(res.status).toBe(500)
    expect(res.text).toBe('signedInUser() outside requireStaff()')
  })
})
