/**
 * A path on this site only. Anything else (another site, `//host`, a backslash trick, a control character) is
 * dropped, so a link cannot be used to send people elsewhere.
 */
export function sitePath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined
  return value
}

/** Where to go after signing in: a path on this site, but never back to signing in or out. */
export function safeNextPath(value: unknown): string | undefined {
  const path = sitePath(value)
  if (path === undefined || path === '/sign-in' || path.startsWith('/sign-in?') || path.startsWith('/sign-out')) return undefined
  return path
}
