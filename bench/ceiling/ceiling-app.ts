// The ceiling the survey pages are measured against: a bare Express 5 + EJS app, templates cached, that renders a
// section page of questions with radios (as large as Linkscore's, in bytes) and takes the same form: parses it, checks
// every question was answered, and redirects with 303. No database, no session, no security headers, no logging.
import ejs from 'ejs'
import express from 'express'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const VIEWS = join(dirname(fileURLToPath(import.meta.url)), 'views')
const CHOICES = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree', 'Not relevant to my role']

function questions(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `q_${i + 1}`,
    legend: `Question ${i + 1}: the people we refer to community organisations are welcomed and supported there`,
    hint: 'Think about the last three months.',
    choices: CHOICES.map((text, value) => ({ value: String(value + 1), text, checked: false })),
  }))
}

const locals = (count: number) => ({ title: 'Working with others', formAction: '/section', csrfToken: 'x'.repeat(43), questions: questions(count) })

/** How many questions make a page of about `bytes`. */
export function questionsFor(bytes: number): number {
  const template = readFileSync(join(VIEWS, 'section.ejs'), 'utf8')
  const size = (count: number) => Buffer.byteLength(ejs.render(template, locals(count), { filename: join(VIEWS, 'section.ejs'), views: [VIEWS] }))
  const perQuestion = size(2) - size(1)
  return Math.max(1, Math.round((bytes - size(0)) / perQuestion))
}

export function createCeilingApp({ questions: count }: { questions: number }): express.Express {
  const app = express()
  app.set('views', VIEWS)
  app.set('view engine', 'ejs')
  app.set('view cache', true)
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 }))
  app.get('/section', (_req, res) => res.render('section', locals(count)))
  app.post('/section', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const unanswered = Object.keys(body).length === 0 || typeof body._csrf !== 'string'
    if (unanswered) return void res.status(422).send('Answer the questions')
    res.redirect(303, '/next')
  })
  return app
}
