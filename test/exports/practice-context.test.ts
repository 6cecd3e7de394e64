// The practice context columns: the practice's details, and the stage recorded for the row's own wave.
import { describe, expect, it } from 'vitest'
import type { Practice } from '../../server/domain/practice.js'
import type { Wave } from '../../server/domain/wave.js'
import { practiceContext, withPracticeContext } from '../../server/exports/practice-context.js'

const practice = (id: number, code: string, details: Partial<Practice> = {}): Practice => ({
  id,
  programmeId: 1,
  code,
  name: code,
  listSize: null,
  deprivationQuintile: null,
  rurality: null,
  spModel: null,
  ...details,
})
const wave = (id: number, slug: string): Wave => ({
  id,
  programmeId: 1,
  slug,
  title: slug,
  opensOn: null,
  closesOn: null,
  status: 'open',
  position: id,
  questionnaireIds: [],
})

const context = practiceContext({
  practices: [practice(1, 'P1', { listSize: 9000, deprivationQuintile: 3, rurality: 'rural', spModel: 'Hub' }), practice(2, 'P2')],
  waves: [wave(10, 'baseline'), wave(11, 'follow-up')],
  stages: [
    { practiceId: 1, waveId: 10, stage: 'piloting' },
    { practiceId: 1, waveId: 11, stage: 'embedded' },
  ],
})

describe('practiceContext', () => {
  it('gives the stage at the wave asked for, and empty cells for what was not recorded', () => {
    expect(context.at('P1', 'baseline')).toEqual({
      practice_list_size: 9000,
      practice_deprivation_quintile: 3,
      practice_rurality: 'rural',
      practice_sp_model: 'Hub',
      practice_stage: 'piloting',
    })
    expect(context.at('P1', 'follow-up').practice_stage).toBe('embedded')
    expect(Object.values(context.at('P2', 'baseline'))).toEqual([null, null, null, null, null])
    expect(Object.values(context.at('NOPE', 'baseline'))).toEqual([null, null, null, null, null])
    expect(context.stage('P1', 'no-such-wave')).toBeNull()
  })

  it('adds the columns to each row by its practice code and wave', async () => {
    const rows = []
    for await (const row of withPracticeContext([{ practice_code: 'P1', wave: 'follow-up', n: 1 }], context)) rows.push(row)
    expect(rows).toEqual([{ practice_code: 'P1', wave: 'follow-up', n: 1, ...context.at('P1', 'follow-up') }])
  })
})
