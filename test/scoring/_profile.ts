import { scoreWave } from '../../server/scoring/score-wave.js'
import { syntheticQuestionnaire, syntheticRespondents } from './fixtures/synthetic-programme.js'
const npt = syntheticQuestionnaire('npt-like', [4, 4, 4, 4], 25)
const gp = syntheticQuestionnaire('good-practice-like', [3, 5, 8, 3], 60)
const waves = [
  { questionnaire: npt, respondents: syntheticRespondents(npt, 1000, 20, 1) },
  { questionnaire: gp, respondents: syntheticRespondents(gp, 1000, 20, 2) },
]
for (let i = 0; i < 3; i++) {
  const t = performance.now()
  for (const w of waves) scoreWave({ wave: 'b', ...w })
  console.log(performance.now() - t)
}
