// demo generate: a synthetic programme at scale, for trying Linkscore out with many practices and for the benchmarks.
import type { Command } from 'commander'
import { generateOptions, generateProgramme } from '../../demo/generate-programme.js'
import { UsageError } from '../../errors.js'
import { writeLine, type CliIo } from '../cli-io.js'
import { withLinkscore } from '../open-linkscore.js'

export function addDemoCommands(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('synthetic data')
    .command('generate')
    .description('add a synthetic programme: practices × respondents × waves of submitted answers, the same for the same seed')
    .requiredOption('--practices <n>', 'how many practices, 1 to 5000')
    .requiredOption('--respondents <n>', 'submitted responses per practice and wave, 1 to 500')
    .requiredOption('--waves <n>', 'how many waves, six months apart, 1 to 6; all but the last closed')
    .option('--seed <n>', 'the random seed: the same seed gives the same answers', '1')
    .option('--slug <slug>', "the programme's short name", 'synthetic')
    .action((o: Record<string, string>) => {
      const parsed = generateOptions.safeParse(o)
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('\n'))
      return withLinkscore(io, async ({ repos, services }) => {
        const started = Date.now()
        const made = await generateProgramme(repos, services, parsed.data)
        const seconds = ((Date.now() - started) / 1000).toFixed(1)
        writeLine(
          io.stdout,
          `Generated programme ${made.slug} (synthetic data): ${made.practices} practices, ${made.waves} waves, ${made.responses} submitted responses, in ${seconds} s`,
        )
      })
    })
}
