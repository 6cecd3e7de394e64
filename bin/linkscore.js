#!/usr/bin/env node
// The linkscore command line: the built one (see build.js), so a command starts in a fraction of tsx's time.
import { runBuilt } from './build.js'

await runBuilt('cli', '../server/cli/entry.ts')
