import type { JourneyPage } from '../../survey/journey-pages.js'

export const journeyUrl = (token: string, page?: JourneyPage | 'check-answers' | 'saved' | 'confirmation'): string => {
  if (!page) return `/r/${token}`
  if (typeof page === 'string') return `/r/${token}/${page}`
  return `/r/${token}/${page.key}`
}
