// Plain data for the page-model tests: the scoring fixture's worked example as one programme and wave.
import type { Practice } from '../../../server/domain/practice.js'
import type { Programme } from '../../../server/domain/programme.js'
import type { Wave } from '../../../server/domain/wave.js'
import { scoreWave } from '../../../server/scoring/index.js'
import { fixtureQuestionnaire } from '../../scoring/fixtures/fixture-questionnaire.js'
import { workedExample } from '../../scoring/fixtures/worked-example.js'

export const PROGRAMME: Programme = {
  id: 1,
  slug: 'north',
  name: 'North PCN',
  intervention: 'social prescribing',
  isDemo: false,
  minPracticeN: 3,
  minBreakdownN: 5,
  organisation: null,
  contact: null,
  studyInformation: null,
  archivedAt: null,
  approvalReference: null,
  retention: null,
  languages: ['en-GB'],
  interventionNames: {},
}

export const practice = (id: number, code: string, name: string): Practice => ({
  id,
  programmeId: 1,
  code,
  name,
  listSize: null,
  deprivationQuintile: null,
  rurality: null,
  spModel: null,
})
export const PRACTICES = [practice(1, 'A', 'Ash'), practice(2, 'B', 'Beech'), practice(3, 'C', 'Cherry'), practice(4, 'D', 'Birch')]

export const wave = (id: number, slug: string, title: string): Wave => ({
  id,
  programmeId: 1,
  slug,
  title,
  opensOn: null,
  closesOn: null,
  status: 'open',
  position: id,
  questionnaireIds: ['fixture'],
})
export const WAVE = wave(2, 'w2', 'Second wave')
export const FIRST_WAVE = wave(1, 'w1', 'First wave')

/** The worked example: A shown on every scale; B and D on coherence only; C withheld everywhere. */
export const SCORED = [
  { definition: fixtureQuestionnaire, scores: scoreWave({ wave: 'w2', questionnaire: fixtureQuestionnaire, respondents: workedExample() }) },
]
