// One line of the audit log: who did what and when.
export type AuditSource = 'web' | 'command line' | 'start-up'

export interface AuditEntry {
  id: number
  at: string
  actorUserId: number | null
  actorEmail: string | null
  source: AuditSource
  action: string
  detail: string | null
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>
