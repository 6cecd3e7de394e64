// How long people really take over a wave's survey: the median time from starting to sending, told only from enough responses.

/** Fewer sent responses than this give no median: one or two people's pace would pass for everyone's. */
export const MIN_RESPONSES_FOR_MEDIAN = 5

/** One sent response: when it was started and when it was sent, as ISO-8601 instants. */
export interface StartAndSend {
  startedAt: string
  submittedAt: string
}

export type CompletionTime = { kind: 'measured'; medianMinutes: number; responses: number } | { kind: 'too few'; responses: number }

/** The median minutes from starting to sending; too few when under MIN_RESPONSES_FOR_MEDIAN responses. */
export function completionTime(responses: readonly StartAndSend[]): CompletionTime {
  if (responses.length < MIN_RESPONSES_FOR_MEDIAN) return { kind: 'too few', responses: responses.length }
  const minutes = responses.map((r) => Math.max(0, Date.parse(r.submittedAt) - Date.parse(r.startedAt)) / 60_000).sort((a, b) => a - b)
  const middle = Math.floor(minutes.length / 2)
  const medianMinutes = minutes.length % 2 === 1 ? minutes[middle]! : (minutes[middle - 1]! + minutes[middle]!) / 2
  return { kind: 'measured', medianMinutes, responses: responses.length }
}
