// The database named in the configuration cannot be used: the message says which variable and what is wrong.
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError'
}
