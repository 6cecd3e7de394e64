// Its own module, so that what only needs to recognise the error (user-errors.ts) does not load the YAML parser.

export class QuestionnaireDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Questionnaire definitions are invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    this.name = 'QuestionnaireDefinitionError'
  }
}
