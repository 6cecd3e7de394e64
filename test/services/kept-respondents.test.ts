// Respondents kept by the scorer and brought up to date from the responses changed since (server/services/kept-respondents.ts)
// give exactly what reading the wave whole gives, and the scoring service's scores (which score the kept respondents)
// exactly what scoring that whole read gives: after a submit, an edit of a submitted response's answers and of its
// role, an exclusion and its restoring, a change to the wave's questionnaires and a change of thresholds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateProgramme } from '../../server/demo/generate-programme.js'
import type { Programme } from '../../server/domain/programme.js'
import type { Wave } from '../../server/domain/wave.js'
import { scoreWave } from '../../server/scoring/score-wave.js'
import { createKeptRespondents, type KeptRespondents } from '../../server/services/kept-respondents.js'
import { REAL_QUESTIONNAIRES, testLinkscore, type TestLinkscore } from '../support/test-linkscore.js'

const SCORED = ['normalisation', 'good-practice'] as const
const AT = '2026-09-01T09:00:00.000Z'
let ls: TestLinkscore
let kept: KeptRespondents
let programme: Programme
let wave: Wave
let reads: string[]

beforeAll(async () => {
  ls = await testLinkscore({ questionnaires: REAL_QUESTIONNAIRES })
  await generateProgramme(ls.repos, ls.services, { slug: 'synthetic', practices: 6, respondents: 5, waves: 2, seed: 7 })
  programme = (await ls.repos.programmes.findBySlug('synthetic'))!
  wave = (await ls.repos.waves.listByProgramme(programme.id))[1]!
  // The kept respondents read through the project's repository; the reads they make are counted.
  const scoring = ls.repos.scoring
  kept = createKeptRespondents({
    scoresVersion: (waveId) => scoring.scoresVersion(waveId),
    scoresChangesSince: (waveId, version) => scoring.scoresChangesSince(waveId, version),
    answeredResponses: (waveId, questionnaireId, ids) => {
      reads.push(ids ? `responses ${ids.join(',')}` : 'whole wave')
      return scoring.answeredResponses(waveId, questionnaireId, ids)
    },
  })
}, 120_000)
afterAll(() => ls?.close())

const version = () => ls.repos.scoring.scoresVersion(wave.id)

/** What kept respondents and the scoring service give now, beside what a whole read and its scoring give. */
async function keptAndWhole(questionnaire: string) {
  const at = await version()
  const definition = await ls.services.scoring.definition(wave, questionnaire)
  const whole = await ls.repos.scoring.respondents(wave.id, questionnaire)
  const current = (await ls.repos.programmes.findBySlug('synthetic'))!
  const options = { weighting: 'respondents' as const, minPracticeN: current.minPracticeN, minBreakdownN: current.minBreakdownN }
  const serviceScores = (await ls.services.scoring.scoreWave(current, wave, 'respondents')).find((s) => s.questionnaire === questionnaire)
  return {
    kept: { ...(await kept.at(wave.id, questionnaire, at)), scores: serviceScores },
    whole: {
      respondents: whole,
      versions: await ls.repos.scoring.answeredVersions(wave.id, questionnaire),
      scores: scoreWave({ wave: wave.slug, questionnaire: definition, respondents: whole, options }),
    },
  }
}

async function expectSameAsWhole(): Promise<void> {
  for (const questionnaire of SCORED) {
    const { kept, whole } = await keptAndWhole(questionnaire)
    expect(kept).toEqual(whole)
  }
}

/** A response of the wave as it is now: its id, practice, setting and answers to a questionnaire. */
async function aRespondent(index: number, questionnaire: string = SCORED[0]) {
  return (await ls.repos.scoring.respondents(wave.id, questionnaire))[index]!
}

describe('kept respondents brought up to date', () => {
  it('equal a whole read at first, and are not read again while the wave is unchanged', async () => {
    reads = []
    await expectSameAsWhole()
    await expectSameAsWhole()
    expect(reads).toEqual(['whole wave', 'whole wave'])
  })

  it('equal a whole read after a new response is submitted, reading only it', async () => {
    const model = await aRespondent(0)
    const practice = (await ls.repos.practices.listByProgramme(programme.id)).find((p) => p.code === model.practiceCode)!
    const response = await ls.repos.responses.create({
      invitationId: null,
      practiceId: practice.id,
      waveId: wave.id,
      resumeToken: 'kept-respondents-new-one'.padEnd(24, 'x'),
      source: 'open_link',
      role: model.role,
      setting: model.setting,
      at: AT,
    })
    // Every answer of the first respondent but the first, which is answered 1.
    const answers = [...model.values].map(([itemId, value], i) => ({ itemId, value: i === 0 ? '1' : value }))
    await ls.repos.responses.savePage({
      responseId: response.id,
      pageKey: 'normalisation/all',
      questionnaireId: SCORED[0],
      questionnaireVersion: ls.services.catalogue.get(SCORED[0]).version,
      itemIds: answers.map((a) => a.itemId),
      answers,
      complete: true,
      at: AT,
    })
    expect(await ls.repos.responses.submit(response.id, AT)).toBe(true)
    reads = []
    await expectSameAsWhole()
    expect(reads).toEqual([`responses ${response.id}`, `responses ${response.id}`])
    expect((await ls.repos.scoring.respondents(wave.id, SCORED[0])).at(-1)!.responseId).toBe(response.id)
  })

  it('equal a whole read after a submitted response’s answers are changed', async () => {
    const edited = await aRespondent(3)
    const [itemId, value] = [...edited.values].find(([, v]) => v !== '5')!
    await ls.repos.responses.savePage({
      responseId: edited.responseId,
      pageKey: 'normalisation/again',
      questionnaireId: SCORED[0],
      questionnaireVersion: ls.services.catalogue.get(SCORED[0]).version,
      itemIds: [itemId],
      answers: [{ itemId, value: String(Number(value) + 1) }],
      complete: true,
      at: AT,
    })
    reads = []
    await expectSameAsWhole()
    expect(reads).toEqual([`responses ${edited.responseId}`, `responses ${edited.responseId}`])
    expect((await aRespondent(3)).values.get(itemId)).toBe(String(Number(value) + 1))
  })

  it('equal a whole read after a submitted response’s role and setting change', async () => {
    const moved = await aRespondent(1)
    const other =
      moved.setting === 'link_worker' ? { role: 'community_org', setting: 'community' as const } : { role: 'link_worker', setting: 'link_worker' as const }
    await ls.repos.responses.saveRole({ responseId: moved.responseId, ...other, pageKey: 'about-you', at: AT, hiddenItems: [], pagesToForget: [] })
    await expectSameAsWhole()
    expect(await aRespondent(1)).toMatchObject({ responseId: moved.responseId, ...other })
  })

  it('equal a whole read after a practice’s responses are set aside, and after they are brought back', async () => {
    const practice = (await ls.repos.practices.listByProgramme(programme.id))[2]!
    const before = (await ls.repos.scoring.respondents(wave.id, SCORED[0])).length
    const { id, responses } = await ls.repos.exclusions.exclude({
      waveId: wave.id,
      practiceId: practice.id,
      startedFrom: '2020-01-01T00:00:00.000Z',
      startedTo: '2030-01-01T00:00:00.000Z',
      openLinkOnly: false,
      reason: 'A test run',
      excludedAt: AT,
      excludedBy: null,
    })
    expect(responses).toBeGreaterThan(0)
    await expectSameAsWhole()
    expect((await ls.repos.scoring.respondents(wave.id, SCORED[0])).length).toBe(before - responses)
    expect(await ls.repos.exclusions.restore(id, AT, null)).toBe(true)
    await expectSameAsWhole()
    expect((await ls.repos.scoring.respondents(wave.id, SCORED[0])).length).toBe(before)
  })

  it('equal a whole read after the programme’s thresholds change (scores only: the respondents are not read again)', async () => {
    await ls.repos.programmes.update(programme.id, { ...programme, minPracticeN: 6, minBreakdownN: 6 })
    reads = []
    await expectSameAsWhole()
    expect(reads).toEqual([])
    await ls.repos.programmes.update(programme.id, programme)
  })

  it('are read whole again after the wave’s questionnaires change', async () => {
    await ls.repos.waves.update(wave.id, { title: wave.title, opensOn: wave.opensOn, closesOn: wave.closesOn, questionnaireIds: wave.questionnaireIds })
    reads = []
    await expectSameAsWhole()
    expect(reads).toEqual(['whole wave', 'whole wave'])
  })
})
