import type { Command } from 'commander'
import { resolve } from 'node:path'
import { SETTINGS } from '../../questionnaires/definition-schema.js'
import { loadQuestionnaires } from '../../questionnaires/load-questionnaires.js'
import { itemsShownTo, minutesToAnswer, SECONDS_PER_ITEM } from '../../questionnaires/questionnaire-model.js'
import { questionnaireTexts } from '../../questionnaires/questionnaire-texts.js'
import { writeLine, type CliIo } from '../cli-io.js'

export const MINUTES_BUDGET = 12

export function addValidateCommand(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check every questionnaire definition; print item counts and completion time per setting')
    .option('--folder <path>', 'folder of definitions', io.env.LINKSCORE_QUESTIONNAIRES ?? 'questionnaires')
    .action((opts: { folder: string }) => {
      const loaded = loadQuestionnaires(resolve(io.cwd, opts.folder), io.cwd)
      for (const { file, questionnaire: q, translations } of loaded) {
        writeLine(io.stdout, `ok  ${file}: ${q.id} version ${q.version}, in ${[q.language, ...q.translations].join(', ')}`)
        for (const { file, translation: t } of translations)
          writeLine(io.stdout, `ok  ${file}: ${t.language} revision ${t.revision}, all ${questionnaireTexts(q).size} texts of version ${t.version}`)
      }
      writeLine(io.stdout)
      writeLine(io.stdout, `Items per setting (all ${loaded.length} questionnaires, ${SECONDS_PER_ITEM} s an item, budget ${MINUTES_BUDGET} min):`)
      const questionnaires = loaded.map(({ questionnaire }) => questionnaire)
      for (const setting of SETTINGS) {
        const counts = loaded.map(({ questionnaire: q }) => `${q.id} ${itemsShownTo(q, setting).length}`)
        const total = loaded.reduce((n, { questionnaire: q }) => n + itemsShownTo(q, setting).length, 0)
        const minutes = minutesToAnswer(questionnaires, setting)
        const verdict = minutes <= MINUTES_BUDGET ? 'within budget' : `OVER the ${MINUTES_BUDGET}-minute budget`
        writeLine(io.stdout, `  ${setting.padEnd(17)} ${String(total).padStart(3)} items (${counts.join(', ')}) ≈ ${minutes.toFixed(1)} min, ${verdict}`)
      }
    })
}
