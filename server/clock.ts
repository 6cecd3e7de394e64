// What time it is, behind an interface so that tests can say.
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }
