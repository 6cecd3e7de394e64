#!/usr/bin/env node
// `npm start`: builds dist/ when the sources are newer (see build.js), then runs the built server in this process.
import { runBuilt } from './build.js'

await runBuilt('server', '../server/main.ts')
