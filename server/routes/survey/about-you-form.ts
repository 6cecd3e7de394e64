// Checks the "About you" form: a role, and for roles that span settings, the setting closest to their work.
import { BadRequestError } from '../../errors.js'
import type { Translate } from '../../i18n/translate.js'
import { SETTINGS, type Setting } from '../../questionnaires/definition-schema.js'
import type { FieldError, FormBody } from '../../survey/page-answers.js'
import { findRole } from '../../survey/roles.js'

export type AboutYouResult = { role: string; setting: Setting } | { errors: FieldError[]; chosen: { role?: string; setting?: string } }

const FIELDS = new Set(['_csrf', 'role', 'setting'])

/** `intervention` and `t` in the response's language, for the messages. */
export function parseAboutYou(body: FormBody, intervention: string, t: Translate): AboutYouResult {
  const fields = Object.keys(body)
  if (fields.some((key) => !FIELDS.has(key))) throw new BadRequestError()
  const roleCode = single(body.role)
  const settingCode = single(body.setting)
  const role = roleCode ? findRole(roleCode) : undefined
  if (roleCode && !role) throw new BadRequestError()
  if (settingCode && !(SETTINGS as readonly string[]).includes(settingCode)) throw new BadRequestError()
  const chosen = { role: roleCode, setting: settingCode }
  if (!role) return { errors: [missing('role', t('survey:aboutYou.roleMissing'))], chosen }
  const setting = role.setting ?? (settingCode as Setting | undefined)
  if (!setting) {
    return { errors: [missing('setting', t('survey:aboutYou.settingMissing', { intervention }))], chosen }
  }
  return { role: role.code, setting }
}

/** About you's messages name their question already, so the summary and the field say the same. */
const missing = (itemId: string, message: string): FieldError => ({ itemId, kind: 'missing', message, problem: message })

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) throw new BadRequestError()
  return value || undefined
}
