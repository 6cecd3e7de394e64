import { afterEach, describe, expect, it, vi } from 'vitest'
import { MissingToolError, requireTool } from './require-tool.js'

afterEach(() => vi.restoreAllMocks())

describe('requireTool', () => {
  it.each([{ CI: 'true' }, {}])('lets the tests run when the tool is found (env %o), saying nothing', (env) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(requireTool('Rscript', true, 'not on the PATH', env)).toBe(true)
    expect(warn).not.toHaveBeenCalled()
  })

  it.each([{}, { CI: 'false' }, { CI: '' }])('skips them locally (env %o) and prints why', (env) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(requireTool('Rscript', false, 'not on the PATH (apt-get install -y r-base-core)', env)).toBe(false)
    expect(warn).toHaveBeenCalledExactlyOnceWith('Skipping the tests that need Rscript: not on the PATH (apt-get install -y r-base-core)')
  })

  it('fails them when CI=true, naming the tool and the reason', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(() => requireTool('Chromium', false, 'looked in /usr/bin/chromium', { CI: 'true' })).toThrow(MissingToolError)
    expect(() => requireTool('Chromium', false, 'looked in /usr/bin/chromium', { CI: 'true' })).toThrow(
      'Chromium is required when CI=true, so these tests fail instead of skipping: looked in /usr/bin/chromium',
    )
    expect(warn).not.toHaveBeenCalled()
  })
})
