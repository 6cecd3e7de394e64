// How many surveys one open practice link may start, so that one client cannot flood a practice's scores with made-up
// responses. Personal invitation links are not limited: each starts one response at most.

export interface StartLimit {
  max: number
  windowMs: number
}

export interface OpenLinkStartLimits {
  /** Starts through one link from one client address. */
  perAddress: StartLimit
  /** Starts through one link from all addresses together. */
  perLink: StartLimit
}

const TEN_MINUTES = 10 * 60 * 1000
const ONE_HOUR = 60 * 60 * 1000

/**
 * Per address: 30 starts in 10 minutes, since a practice's staff often share one address through the NHS network and a
 * team may be asked to fill the survey in together at a meeting. Per link: 200 starts an hour, several times the staff
 * of the largest practices, and a ceiling on what a flood from many addresses can add before someone looks.
 */
export function openLinkStartLimits(perAddress = 30, perLink = 200): OpenLinkStartLimits {
  return { perAddress: { max: perAddress, windowMs: TEN_MINUTES }, perLink: { max: perLink, windowMs: ONE_HOUR } }
}
