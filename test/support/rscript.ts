// Whether Rscript is on the PATH for the tests that run R; without it they skip and say why (and fail on CI, see require-tool.ts).
import { spawnSync } from 'node:child_process'
import { requireTool } from './require-tool.js'

export const rscriptFound = requireTool('Rscript', spawnSync('Rscript', ['--version']).status === 0, 'Rscript not found (apt-get install -y r-base-core)')
