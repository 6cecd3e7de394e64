// Preloaded into a measured process (node --import): as it exits, writes its peak RSS in kilobytes to the file that
// LINKSCORE_BENCH_MAX_RSS_FILE names. The process's own figure, so nothing has to watch it from outside.
import { writeFileSync } from 'node:fs'

process.on('exit', () => writeFileSync(process.env.LINKSCORE_BENCH_MAX_RSS_FILE, String(process.resourceUsage().maxRSS)))
