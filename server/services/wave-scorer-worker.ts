// A scoring worker thread (wave-scorer-pool.ts): reads a wave's respondents on a read-only connection of its own, keeps
// them (kept-respondents.ts) and scores them, so that neither the big read nor the scoring runs on the thread serving pages. Answers are structured clones.
import { workerData } from 'piscina'
import type { DatabaseTarget } from '../data/database.js'
import { openReadOnlyDatabase } from '../data/read-only-database.js'
import { scoringRepository } from '../data/repositories/scoring-repository.js'
import type { Questionnaire } from '../questionnaires/definition-schema.js'
import { createKeptRespondents } from './kept-respondents.js'
import { scoringFrom, type ItemsToAnalyse, type WaveToScore } from './wave-scorer.js'

export type WorkerTask =
  | { op: 'score'; request: WaveToScore }
  | { op: 'overall'; request: WaveToScore; topScales: string[] }
  | { op: 'versions'; waveId: number; questionnaireId: string; version: number }
  | { op: 'item-analysis'; request: ItemsToAnalyse }
  | { op: 'compare'; from: WaveToScore; to: WaveToScore; compared: Questionnaire; practiceCode?: string }

export interface WorkerData {
  target: DatabaseTarget
}

// Opened at the first task, and kept for the thread's life (the pool ends the thread, and with it the connection), with
// the respondents it read: each thread keeps its own.
let work: ReturnType<typeof scoringFrom> | undefined
const scoring = () => (work ??= scoringFrom(createKeptRespondents(scoringRepository(openReadOnlyDatabase((workerData as WorkerData).target).db))))

export default async function run(task: WorkerTask): Promise<unknown> {
  switch (task.op) {
    case 'score':
      return scoring().score(task.request)
    case 'overall':
      return scoring().overall(task.request, task.topScales)
    case 'versions':
      return scoring().answeredVersions(task.waveId, task.questionnaireId, task.version)
    case 'item-analysis':
      return scoring().itemAnalysis(task.request)
    case 'compare':
      return scoring().compare(task.from, task.to, task.compared, task.practiceCode)
  }
}
