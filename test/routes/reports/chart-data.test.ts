import { describe, expect, it } from 'vitest'
import { chartModel, jsonForScript } from '../../../server/routes/reports/chart-data.js'

describe('chart data', () => {
  it('cannot end the script element it is written into', () => {
    const json = jsonForScript({ label: '</script><script>alert(1)</script><!--' })
    expect(json).not.toContain('<')
    expect(JSON.parse(json)).toEqual({ label: '</script><script>alert(1)</script><!--' })
  })

  it('carries an id, an accessible name and the JSON', () => {
    expect(
      chartModel('chart-x', 'A chart', { type: 'bar', labels: ['A'], series: [{ label: 'S', values: [null], style: 'filled' }], min: 0, max: 100 }),
    ).toEqual({
      id: 'chart-x',
      label: 'A chart',
      json: '{"type":"bar","labels":["A"],"series":[{"label":"S","values":[null],"style":"filled"}],"min":0,"max":100}',
    })
  })
})
