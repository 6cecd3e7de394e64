// Preloaded into a measured process (node --import): as it exits, writes its peak RSS in kilobytes and the CPU seconds
// it used (user, system) to the file LINKSCORE_BENCH_MAX_RSS_FILE names, as /usr/bin/time -f '%M %U %S' does. The
// process's own figures, so nothing has to watch it from outside.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  const usage = process.resourceUsage()
  writeFileSync(process.env.LINKSCORE_BENCH_MAX_RSS_FILE, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`)
})
