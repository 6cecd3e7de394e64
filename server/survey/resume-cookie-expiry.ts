// How long a browser remembers the response it started through an open link: while the wave is open, and no longer.

/**
 * The end of the wave's closing day (the start of the next day, UTC), or undefined (a cookie for the browser session
 * only) when the wave has no closing date. On a shared practice computer this bounds how long the next person is
 * offered the previous person's unfinished survey.
 */
export function resumeCookieExpiry(closesOn: string | null): Date | undefined {
  if (!closesOn) return undefined
  const end = new Date(`${closesOn}T00:00:00Z`)
  end.setUTCDate(end.getUTCDate() + 1)
  return end
}
