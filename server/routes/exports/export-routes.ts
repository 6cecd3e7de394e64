// The exports page of a programme and its downloads, for admins and the programme's evaluators.
import type { Request, Response } from 'express'
import { NotFoundError } from '../../errors.js'
import type { Programme } from '../../domain/programme.js'
import type { Wave } from '../../domain/wave.js'
import { ALL_WAVES_FILE_PART, exportFileName, isExportKind, type ExportKind } from '../../exports/export-kinds.js'
import { signedInUser } from '../../middleware/require-staff.js'
import type { AuditDetail, AuditService } from '../../services/audit-service.js'
import type { ExportRequest, ExportService, SyntaxFormat } from '../../services/export-service.js'
import type { StaffScopeService } from '../../services/staff-scope-service.js'
import { parseExportQuery, type ExportChoices, type InvalidExportChoices } from './export-query.js'
import { defaultChoices, exportsPageModel } from './exports-page-model.js'
import { sendCsv, sendText } from './send-download.js'

type Chosen = Exclude<ExportChoices, InvalidExportChoices>
const query = (req: Request) => req.query as Record<string, unknown>

/** One wave, or with `wave=all` every wave, for the answers and responses files and the syntax files reading them. */
function chosenWaves(c: Chosen, waves: Wave[]): { waves: Wave[]; fileWave: string; auditWave: string } {
  if (c.allWaves) return { waves, fileWave: ALL_WAVES_FILE_PART, auditWave: 'all' }
  return { waves: [c.wave!], fileWave: c.wave!.slug, auditWave: c.wave!.slug }
}

/** What to export, and what the audit log says about it. */
function exportRequest(kind: ExportKind, programme: Programme, c: Chosen, waves: Wave[]): { request: ExportRequest; detail: AuditDetail; fileName: string } {
  const base = { export: kind, programme: programme.slug }
  const fileName = exportFileName(programme.slug, kind, { wave: c.wave?.slug, from: c.from?.slug })
  switch (kind) {
    case 'answers':
    case 'responses': {
      const chosen = chosenWaves(c, waves)
      return {
        request: { kind, waves: chosen.waves, includePartial: c.includePartial },
        detail: { ...base, wave: chosen.auditWave, includePartial: c.includePartial },
        fileName: exportFileName(programme.slug, kind, { wave: chosen.fileWave }),
      }
    }
    case 'scores':
    case 'scale-stats':
      return { request: { kind, wave: c.wave!, weighting: c.weighting }, detail: { ...base, wave: c.wave!.slug, weighting: c.weighting }, fileName }
    case 'item-stats':
      return {
        request: { kind, wave: c.wave!, setting: c.setting },
        detail: { ...base, wave: c.wave!.slug, setting: c.setting ?? 'all' },
        fileName: exportFileName(programme.slug, kind, { wave: c.wave!.slug, setting: c.setting }),
      }
    case 'change':
      return {
        request: { kind, from: c.from!, to: c.wave!, weighting: c.weighting },
        detail: { ...base, from: c.from!.slug, to: c.wave!.slug, weighting: c.weighting },
        fileName,
      }
    case 'codebook':
      return { request: { kind }, detail: base, fileName }
    case 'actions':
      return { request: { kind, programme }, detail: base, fileName }
  }
}

export function exportRoutes(scope: StaffScopeService, exports: ExportService, auditLog: AuditService, limits: { writeTimeoutMs: number }) {
  async function programmeAndWaves(req: Request, res: Response): Promise<{ programme: Programme; waves: Wave[] }> {
    const programme = await scope.programme(signedInUser(res), String(req.params.slug))
    return { programme, waves: await exports.waves(programme) }
  }

  function showPage(res: Response, status: number, programme: Programme, waves: Wave[], form: Parameters<typeof exportsPageModel>[2]) {
    res.status(status).render('pages/exports/exports', exportsPageModel(programme, waves, form, res.locals.t))
  }

  /** A choice the page cannot honour shows the page again, with the message beside the field. */
  function invalid(res: Response, programme: Programme, waves: Wave[], form: InvalidExportChoices) {
    showPage(res, 422, programme, waves, form)
  }

  /** The SPSS or Stata file reading the responses file of the wave chosen (the latest by default), or of all waves. */
  async function syntax(format: SyntaxFormat, req: Request, res: Response) {
    const { programme, waves } = await programmeAndWaves(req, res)
    const choices = parseExportQuery(query(req), format, waves, programme.name)
    if ('issues' in choices) return invalid(res, programme, waves, choices)
    const { wave } = defaultChoices(waves, choices)
    const chosen = choices.allWaves || !wave ? chosenWaves({ ...choices, allWaves: true }, waves) : chosenWaves({ ...choices, wave }, waves)
    await auditLog.audit(signedInUser(res), 'data exported', { export: format, programme: programme.slug, wave: chosen.auditWave })
    const text = await exports.syntax(format, programme, { ...chosen, includePartial: choices.includePartial })
    sendText(res, exportFileName(programme.slug, format, { wave: chosen.fileWave }), text)
  }

  return {
    async page(req: Request, res: Response) {
      const { programme, waves } = await programmeAndWaves(req, res)
      const choices = parseExportQuery(query(req), 'page', waves, programme.name)
      if ('issues' in choices) return invalid(res, programme, waves, choices)
      showPage(res, 200, programme, waves, { choices: defaultChoices(waves, choices) })
    },

    async download(req: Request, res: Response) {
      const { programme, waves } = await programmeAndWaves(req, res)
      const kind = String(req.params.kind)
      if (!isExportKind(kind)) throw new NotFoundError()
      const choices = parseExportQuery(query(req), kind, waves, programme.name)
      if ('issues' in choices) return invalid(res, programme, waves, choices)
      const { request, detail, fileName } = exportRequest(kind, programme, choices, waves)
      const table = await exports.table(request)
      await auditLog.audit(signedInUser(res), 'data exported', detail)
      await sendCsv(res, fileName, table, limits)
    },

    spssSyntax: (req: Request, res: Response) => syntax('spss', req, res),
    stataSyntax: (req: Request, res: Response) => syntax('stata', req, res),

    async rScript(req: Request, res: Response) {
      const { programme, waves } = await programmeAndWaves(req, res)
      const choices = parseExportQuery(query(req), 'r-script', waves, programme.name)
      if ('issues' in choices) return invalid(res, programme, waves, choices)
      const { wave, from } = defaultChoices(waves, choices)
      await auditLog.audit(signedInUser(res), 'data exported', { export: 'r-script', programme: programme.slug })
      sendText(
        res,
        exportFileName(programme.slug, 'r-script', {}),
        exports.rScript(programme, { wave: wave?.slug ?? 'WAVE', from: from?.slug ?? 'EARLIER-WAVE' }),
      )
    },
  }
}
