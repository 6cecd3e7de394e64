/** Raised when an answer's stored code is not one the item's type can hold. */
export class ScoringInputError extends Error {
  constructor(
    readonly responseId: number,
    readonly itemId: string,
    readonly value: string,
  ) {
    super(`response ${responseId}: item "${itemId}" holds "${value}", which is not a code this item can store`)
    this.name = 'ScoringInputError'
  }
}
