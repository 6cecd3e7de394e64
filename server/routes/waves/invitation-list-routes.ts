// A wave's mail-merge list of personal invitations, for admins and the programme's evaluators.
import type { Request, Response } from 'express'
import { INVITATION_COLUMNS, invitationRows } from '../../exports/invitation-rows.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { AuditService } from '../../services/audit-service.js'
import type { InvitationService } from '../../services/invitation-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import type { WaveService } from '../../services/wave-service.js'
import { sendCsv } from '../exports/send-download.js'
import { programmeWave } from './programme-wave.js'

export function invitationListRoutes(
  scope: StaffScopeService,
  waves: WaveService,
  invitations: InvitationService,
  auditLog: AuditService,
  config: { baseUrl: string; writeTimeoutMs: number },
) {
  return {
    async download(req: Request, res: Response) {
      const { programme, summary } = await programmeWave(scope, waves, req, res)
      const rows = invitationRows(await invitations.mailMergeList(summary.wave), config.baseUrl)
      // The links open surveys: who took them is a matter for the audit log, as any download is.
      await auditLog.audit(signedInUser(res), 'data exported', { export: 'invitations', programme: programme.slug, wave: summary.wave.slug })
      await sendCsv(res, `${programme.slug}-${summary.wave.slug}-invitations.csv`, { columns: INVITATION_COLUMNS, rows }, config)
    },
  }
}
