#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the command works straight after `npm install`.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../server/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
