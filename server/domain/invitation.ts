// A personal invitation: one link for one person, to one practice's survey in one wave.
export interface Invitation {
  id: number
  waveId: number
  practiceId: number
  token: string
  presetRole: string | null
  usedAt: string | null
}
