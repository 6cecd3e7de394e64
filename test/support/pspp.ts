// Whether GNU PSPP is on the PATH for the tests that run the SPSS syntax; without it they skip and say why (and fail on CI).
import { spawnSync } from 'node:child_process'
import { requireTool } from './require-tool.js'

export const psppFound = requireTool('pspp', spawnSync('pspp', ['--version']).status === 0, 'pspp not found (apt-get install -y pspp)')
