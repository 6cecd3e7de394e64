// Scores a whole synthetic wave: 1,000 practices × 20 respondents for two questionnaires shaped like the
// real ones. Run with `npx vitest bench --run`.
import { bench, describe } from 'vitest'
import { scoreWave } from '../../server/scoring/score-wave.js'
import { syntheticQuestionnaire, syntheticRespondents } from './fixtures/synthetic-programme.js'

const PRACTICES = 1000
const PER_PRACTICE = 20

const npt = syntheticQuestionnaire('npt-like', [4, 4, 4, 4], 25)
const goodPractice = syntheticQuestionnaire('good-practice-like', [3, 5, 8, 3], 60)
const waves = [
  { questionnaire: npt, respondents: syntheticRespondents(npt, PRACTICES, PER_PRACTICE, 1) },
  { questionnaire: goodPractice, respondents: syntheticRespondents(goodPractice, PRACTICES, PER_PRACTICE, 2) },
]
const answers = waves.reduce((total, w) => total + w.respondents.reduce((t, r) => t + r.values.size, 0), 0)

function scoreBoth() {
  return waves.map((w) => scoreWave({ wave: 'bench', questionnaire: w.questionnaire, respondents: w.respondents }))
}

const started = performance.now()
const cpu = process.cpuUsage()
const results = scoreBoth()
const elapsed = performance.now() - started
const cpuUsed = process.cpuUsage(cpu)
console.log(
  `scored ${answers.toLocaleString('en-GB')} answers from ${(PRACTICES * PER_PRACTICE * waves.length).toLocaleString('en-GB')} responses ` +
    `(${PRACTICES} practices, 2 questionnaires) in ${elapsed.toFixed(0)} ms ` +
    `(${((cpuUsed.user + cpuUsed.system) / 1000).toFixed(0)} ms CPU) on the first, cold run; ` +
    `${results.reduce((t, r) => t + r.practices.length, 0).toLocaleString('en-GB')} practice rows`,
)

describe('scoreWave', () => {
  bench(
    `${PRACTICES} practices × ${PER_PRACTICE} respondents, two questionnaires`,
    () => {
      scoreBoth()
    },
    { iterations: 5, time: 0 },
  )
})
