import morgan from 'morgan'
import type { RequestHandler } from 'express'

/** Survey links are secrets: the token part of a path never reaches the log. No client address is logged either. */
export function redactPath(url: string): string {
  const path = url.split('?')[0] ?? url
  return path.replace(/^\/(s|r)\/[^/]+/, '/$1/:token')
}

morgan.token('redacted-url', (req) => redactPath((req as { originalUrl?: string }).originalUrl ?? req.url ?? ''))

export function requestLogging(): RequestHandler {
  return morgan(':method :redacted-url :status :res[content-length] - :response-time ms')
}
