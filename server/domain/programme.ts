// A programme: the practices evaluated together, and the small-number rules their reports keep to.
export interface Programme {
  id: number
  slug: string
  name: string
  intervention: string
  isDemo: boolean
  minPracticeN: number
  minBreakdownN: number
}

export interface NewProgramme {
  slug: string
  name: string
  intervention: string
  isDemo?: boolean
}
