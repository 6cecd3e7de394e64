// Scores waves on worker threads (piscina), each reading on a read-only connection of its own: the app's thread only
// sends the request and receives the scores (see wave-scorer.ts).
import { Piscina } from 'piscina'
import type { DatabaseTarget } from '../data/database.js'
import type { WaveScorer } from './wave-scorer.js'
import type { WorkerData, WorkerTask } from './wave-scorer-worker.js'

/** The pool answers the same as the inline scorer: `threads` workers, started at once so the first scorecard waits for none. */
export function createWaveScorerPool(target: DatabaseTarget, threads: number): WaveScorer {
  // A build (bin/build.js) says where its worker is; run from TypeScript (tsx, vitest), the worker needs tsx
  // registered in its thread.
  const built = process.env.LINKSCORE_BUILT_SCORING_WORKER
  const workerData: WorkerData = { target }
  const pool = new Piscina<WorkerTask, unknown>({
    filename: built ?? new URL('./wave-scorer-worker-tsx.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData,
  })
  return {
    score: async (request) => (await pool.run({ op: 'score', request })) as Awaited<ReturnType<WaveScorer['score']>>,
    overall: async (request, topScales) =>
      (await pool.run({ op: 'overall', request, topScales: [...topScales] })) as Awaited<ReturnType<WaveScorer['overall']>>,
    answeredVersions: async (waveId, questionnaireId, version) => (await pool.run({ op: 'versions', waveId, questionnaireId, version })) as number[],
    itemAnalysis: async (request) => (await pool.run({ op: 'item-analysis', request })) as Awaited<ReturnType<WaveScorer['itemAnalysis']>>,
    compare: async (from, to, compared, practiceCode) =>
      (await pool.run({ op: 'compare', from, to, compared, practiceCode })) as Awaited<ReturnType<WaveScorer['compare']>>,
    close: () => pool.destroy(),
  }
}
