// The wide layout: columns in questionnaire then item order, multi options, older versions, shared item ids.
import { describe, expect, it } from 'vitest'
import { responseLayout, responseRows, type ResponseAnswerRow } from '../../server/exports/response-rows.js'
import { questionnaireSchema, type QuestionnaireInput } from '../../server/questionnaires/definition-schema.js'

// The response's columns, then its practice's context (filled in by the export service), then the items.
const FIXED = [
  ...['response_id', 'practice_code', 'wave', 'role', 'setting', 'status', 'started_at', 'submitted_at', 'excluded', 'language'],
  ...['practice_list_size', 'practice_deprivation_quintile', 'practice_rurality', 'practice_sp_model', 'practice_stage'],
]

function questionnaire(id: string, version: number, items: QuestionnaireInput['sections'][number]['items']) {
  return questionnaireSchema.parse({ id, version, title: id, introduction: 'For tests.', sections: [{ id: 'only', title: 'Only', items }] })
}
const likert = (id: string) => ({ id, type: 'likert5' as const, text: `Item ${id}` })
const multi = (id: string, codes: string[]) => ({ id, type: 'multi' as const, text: `Item ${id}`, options: codes.map((code) => ({ code, label: code })) })

describe('responseLayout', () => {
  it('puts questionnaires in wave order and items in definition order, one column per option of a multi item', () => {
    const a = questionnaire('alpha', 1, [likert('a1'), multi('a2', ['x', 'y'])])
    const b = questionnaire('beta', 1, [likert('b1')])
    expect(
      responseLayout([
        { id: 'beta', versions: [b] },
        { id: 'alpha', versions: [a] },
      ]).columns,
    ).toEqual([...FIXED, 'b1', 'a1', 'a2__x', 'a2__y'])
  })

  it('adds items and options that only an older version answered in the wave has, after the current ones', () => {
    const current = questionnaire('alpha', 2, [likert('a1'), multi('a2', ['x', 'y'])])
    const older = questionnaire('alpha', 1, [likert('a0'), likert('a1'), multi('a2', ['w', 'x'])])
    expect(responseLayout([{ id: 'alpha', versions: [current, older] }]).columns).toEqual([...FIXED, 'a1', 'a2__x', 'a2__y', 'a0', 'a2__w'])
  })

  it('prefixes an item id that two questionnaires use with its questionnaire, even when only one is in the wave', () => {
    const a = questionnaire('good-practice', 1, [likert('q1'), multi('q2', ['x', 'y'])])
    const b = questionnaire('other', 1, [likert('q1'), multi('q2', ['x', 'y'])])
    expect(responseLayout([{ id: 'good-practice', versions: [a] }], [a, b]).columns).toEqual([
      ...FIXED,
      'good_practice__q1',
      'good_practice__q2__x',
      'good_practice__q2__y',
    ])
  })
})

/** Rows as the database gives them (an async iterable), and what responseRows makes of them. */
async function folded(rows: ResponseAnswerRow[], layout: ReturnType<typeof responseLayout>) {
  async function* fromDatabase() {
    yield* rows
  }
  const out = []
  for await (const row of responseRows(fromDatabase(), layout)) out.push(row)
  return out
}

describe('responseRows', () => {
  const q = questionnaire('alpha', 1, [likert('a1'), multi('a2', ['x', 'y', 'z']), likert('a3')])
  const layout = responseLayout([{ id: 'alpha', versions: [q] }])
  const response = {
    practice_code: 'P1',
    wave: 'w',
    role: 'gp',
    setting: 'general_practice',
    status: 'submitted',
    started_at: 's',
    submitted_at: 't',
    excluded: 0,
    language: 'nl',
  }
  const answer = (response_id: number, item: string | null, value: string | null, questionnaire: string | null = 'alpha'): ResponseAnswerRow => ({
    ...response,
    response_id,
    questionnaire: item && questionnaire,
    item,
    value,
  })

  it('folds consecutive answers into one row per response', async () => {
    const rows = await folded([answer(1, 'a1', '4'), answer(1, 'a2', 'x'), answer(1, 'a2', 'z'), answer(2, 'a1', 'nr_role'), answer(3, null, null)], layout)
    expect(rows).toEqual([
      { response_id: 1, ...response, a1: '4', a2__x: 1, a2__y: 0, a2__z: 1 },
      { response_id: 2, ...response, a1: 'nr_role' },
      { response_id: 3, ...response },
    ])
  })

  it('ignores answers to questionnaires and items the layout does not have', async () => {
    expect(await folded([answer(1, 'a1', '4'), answer(1, 'zz', '1'), answer(1, 'a1', '2', 'beta')], layout)).toEqual([{ response_id: 1, ...response, a1: '4' }])
  })

  it('yields nothing for no rows', async () => {
    expect(await folded([], layout)).toEqual([])
  })
})
