// The roles a respondent chooses from on "About you", and the setting each belongs to. Stored as codes.
import { english, say, type MessageKey, type Translate } from '../i18n/translate.js'
import type { Setting } from '../questionnaires/definition-schema.js'

export interface Role {
  code: string
  /** Its name for people, a message of the catalogue. */
  labelKey: MessageKey
  /** null: the person chooses the setting closest to their work. */
  setting: Setting | null
}

export const ROLES: readonly Role[] = [
  { code: 'gp', labelKey: 'survey:roles.gp', setting: 'general_practice' },
  { code: 'practice_nurse', labelKey: 'survey:roles.practiceNurse', setting: 'general_practice' },
  { code: 'practice_manager', labelKey: 'survey:roles.practiceManager', setting: 'general_practice' },
  { code: 'reception_admin', labelKey: 'survey:roles.receptionAdmin', setting: 'general_practice' },
  { code: 'other_practice_staff', labelKey: 'survey:roles.otherPracticeStaff', setting: 'general_practice' },
  { code: 'link_worker', labelKey: 'survey:roles.linkWorker', setting: 'link_worker' },
  { code: 'community_org', labelKey: 'survey:roles.communityOrg', setting: 'community' },
  { code: 'steering_member', labelKey: 'survey:roles.steeringMember', setting: null },
]

export const SETTING_LABEL_KEYS: Record<Setting, MessageKey> = {
  general_practice: 'survey:settings.generalPractice',
  link_worker: 'survey:settings.linkWorker',
  community: 'survey:settings.community',
}

/** A setting's name in the reader's language. */
export function settingLabel(setting: Setting, t: Translate): string {
  return say(t, { key: SETTING_LABEL_KEYS[setting] })
}

/** A role's name in the reader's language. */
export function roleLabel(role: Role, t: Translate): string {
  return say(t, { key: role.labelKey })
}

/** The settings' names in English, for pages that are not yet translated. */
export const SETTING_LABELS: Record<Setting, string> = {
  general_practice: settingLabel('general_practice', english),
  link_worker: settingLabel('link_worker', english),
  community: settingLabel('community', english),
}

export function findRole(code: string): Role | undefined {
  return ROLES.find((role) => role.code === code)
}

/** Roles an invitation may preset: those that fix the setting, so the "About you" page can be skipped. */
export const PRESETTABLE_ROLES = ROLES.filter((role) => role.setting !== null).map((role) => role.code)
