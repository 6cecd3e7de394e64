/**
 * Where to go after signing in: a path on this site only. Anything else (another site, `//host`, a backslash trick,
 * a control character) is dropped, so the sign-in page cannot be used to send people elsewhere.
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/sign-out')) return undefined
  return value
}
