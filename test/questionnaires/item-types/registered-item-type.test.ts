// Adding a type takes one module and its template: a yes/no type from the test fixtures, registered here, goes
// through the definition schema, the survey page, "Check your answers", the codebook, the wide export, the R script
// (run in R where it is installed) and the demo without any of them naming it.
import * as cheerio from 'cheerio'
import { stringify } from 'csv-stringify/sync'
import ejs from 'ejs'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../../../server/demo/seeded-random.js'
import { syntheticPages } from '../../../server/demo/synthetic-answers.js'
import { codebookRows } from '../../../server/exports/codebook-rows.js'
import { exportFileName } from '../../../server/exports/export-kinds.js'
import { rScript } from '../../../server/exports/r-script.js'
import { responseLayout, responseRows, type ResponseAnswerRow } from '../../../server/exports/response-rows.js'
import { registerItemType, type Questionnaire } from '../../../server/questionnaires/definition-schema.js'
import { TamperedInputError } from '../../../server/questionnaires/item-types/tampered-input-error.js'
import { parseDefinition, parseTranslation } from '../../../server/questionnaires/load-questionnaires.js'
import { localiseQuestionnaire } from '../../../server/questionnaires/localise-questionnaire.js'
import { allItems, scoredItems } from '../../../server/questionnaires/questionnaire-model.js'
import { questionnaireTexts } from '../../../server/questionnaires/questionnaire-texts.js'
import { translationProblems } from '../../../server/questionnaires/translation-problems.js'
import { ANSWER_COLUMNS } from '../../../server/exports/answer-lines.js'
import { english } from '../../../server/i18n/translate.js'
import { answerText, itemField, itemWording } from '../../../server/survey/item-fields.js'
import { parsePageAnswers } from '../../../server/survey/page-answers.js'
import { yesnoItemType } from '../../fixtures/item-types/yesno.js'
import { rscriptFound } from '../../support/rscript.js'

registerItemType(yesnoItemType)

const VIEWS = join(import.meta.dirname, '../../../views')
const FIXTURE_VIEWS = join(import.meta.dirname, '../../fixtures/item-types/views')

const definition = {
  id: 'yes-no',
  version: 1,
  title: 'Sharing',
  introduction: 'For tests.',
  sections: [
    {
      id: 'only',
      title: 'Only',
      items: [
        { id: 'q_share', type: 'yesno', text: 'Do you share {intervention} notes?', hint: 'With the practice', required: true },
        { id: 'q_lead', type: 'likert5', text: 'Leaders help.' },
      ],
    },
  ],
}

function parsed(source: object = definition): Questionnaire {
  const { questionnaire, problems } = parseDefinition('yes-no.json', JSON.stringify(source))
  expect(problems).toEqual([])
  return questionnaire!
}
const questionnaire = parsed()
const share = allItems(questionnaire)[0]!
const lead = allItems(questionnaire)[1]!
const SP = itemWording('SP', english)

describe('a registered sixth item type', () => {
  it('is accepted by the definition schema, defaults filled in, and held to its own fields', () => {
    expect(share).toEqual({ id: 'q_share', type: 'yesno', text: 'Do you share {intervention} notes?', hint: 'With the practice', required: true, settings: ['general_practice', 'link_worker', 'community'] })
    const withColour = structuredClone(definition)
    Object.assign(withColour.sections[0]!.items[0]!, { colour: 'red' })
    expect(parseDefinition('yes-no.json', JSON.stringify(withColour)).problems).toEqual(['yes-no.json: sections[0].items[0]: Unrecognized key: "colour"'])
  })

  it('cannot be registered twice', () => {
    expect(() => registerItemType(yesnoItemType)).toThrow('item type "yesno" is already registered')
  })

  it('parses its answers: stores a code offered, refuses one not offered as tampering, and names what is missing', () => {
    expect([...parsePageAnswers([share], { q_share: 'no' }, SP).values]).toEqual([['q_share', ['no']]])
    expect(() => parsePageAnswers([share], { q_share: 'maybe' }, SP)).toThrow(TamperedInputError)
    expect(() => parsePageAnswers([share], { q_share: ['yes', 'no'] }, SP)).toThrow(TamperedInputError)
    expect(parsePageAnswers([share], { q_share: '' }, SP).errors).toEqual([{ itemId: 'q_share', kind: 'missing', message: 'Select yes or no: Do you share SP notes?', problem: 'Select yes or no' }])
  })

  it('reads back on "Check your answers"', () => {
    expect(answerText(share, SP, ['yes'])).toEqual(['Yes'])
    expect(answerText(share, SP, [])).toEqual(['Not answered'])
  })

  it('has its row in the codebook, with its codes and labels', () => {
    expect(codebookRows([questionnaire])[0]).toEqual({
      questionnaire: 'yes-no',
      version: 1,
      item: 'q_share',
      type: 'yesno',
      text: 'Do you share {intervention} notes?',
      scale_path: '',
      reverse: 0,
      min: '',
      max: '',
      options: 'yes=Yes | no=No',
      settings: 'general_practice|link_worker|community',
      max_length: '',
    })
  })

  it('takes one column in the wide export', async () => {
    const layout = responseLayout([{ id: 'yes-no', versions: [questionnaire] }])
    expect(layout.columns.slice(-2)).toEqual(['q_share', 'q_lead'])
    const [row] = await wideRows(layout)
    expect(row).toMatchObject({ response_id: 1, q_share: 'yes', q_lead: '4' })
  })

  it('is shown by its own template, picked by the component its module names', async () => {
    const field = itemField(share, SP, ['no'], 'Select yes or no: Do you share SP notes?')
    expect(field.component).toBe('yesno')
    const html = await ejs.renderFile(
      join(VIEWS, 'pages/survey/section.ejs'),
      { caption: 'Sharing', progress: 'Page 1 of 1', title: 'Only', introduction: null, formAction: '/x', csrfToken: () => 't', t: english, fields: [field, itemField(lead, SP, [])] },
      { views: [VIEWS, FIXTURE_VIEWS] },
    )
    const $ = cheerio.load(html)
    const radios = $('.ls-yesno input[name="q_share"]')
    expect(radios.map((_, r) => $(r).attr('value')).get()).toEqual(['yes', 'no'])
    expect($('.ls-yesno input:checked').attr('value')).toBe('no')
    expect($('.ls-yesno legend').text()).toBe('Do you share SP notes?')
    expect($('#q_share-hint').text()).toBe('With the practice')
    expect($('#q_share-error').text()).toContain('Select yes or no: Do you share SP notes?')
    expect($('input[name="q_lead"]')).toHaveLength(5)
  })

  it('is translated through the texts its module names, its codes untouched', () => {
    expect([...questionnaireTexts(questionnaire).keys()].filter((path) => path.startsWith('items.q_share.'))).toEqual(['items.q_share.text', 'items.q_share.hint'])
    const { translation } = parseTranslation(
      'yes-no.nl.yaml',
      JSON.stringify({
        questionnaire: 'yes-no',
        version: 1,
        language: 'nl',
        revision: 1,
        title: 'Delen',
        introduction: 'Voor tests.',
        sections: { only: { title: 'Enige' } },
        items: { q_share: { text: 'Deelt u notities over {intervention}?' }, q_lead: { text: 'De leiding helpt.' } },
      }),
    )
    const file = { file: 'yes-no.nl.yaml', language: 'nl', translation: translation! }
    expect(translationProblems({ file: 'yes-no.json', questionnaire }, file)).toEqual(['yes-no.nl.yaml: items.q_share.hint: missing (the English is "With the practice")'])
    const nl = localiseQuestionnaire(questionnaire, { ...translation!, items: { ...translation!.items, q_share: { text: 'Deelt u notities over {intervention}?', hint: 'Met de praktijk' } } })
    expect(allItems(nl)[0]).toEqual({ ...share, text: 'Deelt u notities over {intervention}?', hint: 'Met de praktijk' })
  })

  it('gets made-up demo answers, and no part in scoring', () => {
    const pages = syntheticPages(questionnaire, 'general_practice', { base: 3, byScale: {}, spread: 0.5 }, seededRandom(1))
    expect(['yes', 'no']).toContain(pages[0]!.answers.find((a) => a.itemId === 'q_share')!.value)
    expect(scoredItems(questionnaire)).toEqual([])
  })
})

const response = { response_id: 1, practice_code: 'P001', wave: 'baseline', role: 'gp', setting: 'general_practice', status: 'submitted' }
const at = { started_at: '2026-01-01T09:00:00Z', submitted_at: '2026-01-01T09:05:00Z', excluded: 0, language: 'en-GB' }
const answerRows: ResponseAnswerRow[] = [
  { ...response, ...at, questionnaire: 'yes-no', item: 'q_share', value: 'yes' },
  { ...response, ...at, questionnaire: 'yes-no', item: 'q_lead', value: '4' },
]

/** The wide export's rows for answerRows, read as the export reads them from the database: one at a time. */
async function wideRows(layout: ReturnType<typeof responseLayout>) {
  async function* stream() {
    yield* answerRows
  }
  const rows = []
  for await (const row of responseRows(stream(), layout)) rows.push(row)
  return rows
}

describe('a registered sixth item type in the R script', () => {
  const programme = { slug: 'north', name: 'North PCN', intervention: 'social prescribing' }
  const script = rScript({ programme, wave: 'baseline', fromWave: 'baseline', questionnaires: [questionnaire], generatedOn: '2026-03-01' })

  it('carries its value labels and reads them like any other labelled type', () => {
    expect(script).toContain('"yes-no/q_share" = c("yes" = "Yes", "no" = "No")')
    expect(script).toContain('    yesno = factor(x, levels = names(linkscore_options[[key]]), labels = unname(linkscore_options[[key]])),\n')
    expect(script).toContain('for (k in unique(key[type %in% c("single", "multi", "yesno")])) {')
  })

  describe.skipIf(!rscriptFound)('run in R', () => {
    const folder = mkdtempSync(join(tmpdir(), 'linkscore-yesno-'))
    afterAll(() => rmSync(folder, { recursive: true, force: true }))

    it('reads its column as a factor of its labels, and its answers with their labels', async () => {
      const layout = responseLayout([{ id: 'yes-no', versions: [questionnaire] }])
      const answers = answerRows.map((a) => ({ ...a, questionnaire_version: 1 }))
      writeFileSync(join(folder, exportFileName('north', 'r-script', {})), script)
      writeFileSync(join(folder, exportFileName('north', 'responses', { wave: 'baseline' })), stringify(await wideRows(layout), { header: true, columns: layout.columns }))
      writeFileSync(join(folder, exportFileName('north', 'answers', { wave: 'baseline' })), stringify(answers, { header: true, columns: [...ANSWER_COLUMNS] }))
      writeFileSync(
        join(folder, 'check.R'),
        `source(${JSON.stringify(exportFileName('north', 'r-script', {}))})
cat(class(responses$q_share), levels(responses$q_share), as.character(responses$q_share), attr(responses$q_share, "label"), sep = "|")
cat("\\n")
cat(answers$label, sep = "|")
`,
      )
      const result = spawnSync('Rscript', ['check.R'], { cwd: folder, encoding: 'utf8' })
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout.split('\n')).toEqual(['factor|Yes|No|Yes|Do you share social prescribing notes?', 'Yes|Agree'])
    })
  })
})
