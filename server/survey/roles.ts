import type { Setting } from '../questionnaires/definition-schema.js'

export interface Role {
  code: string
  label: string
  /** null: the person chooses the setting closest to their work. */
  setting: Setting | null
}

export const ROLES: readonly Role[] = [
  { code: 'gp', label: 'GP', setting: 'general_practice' },
  { code: 'practice_nurse', label: 'Practice nurse', setting: 'general_practice' },
  { code: 'practice_manager', label: 'Practice manager', setting: 'general_practice' },
  { code: 'reception_admin', label: 'Reception or administration', setting: 'general_practice' },
  { code: 'other_practice_staff', label: 'Other practice staff', setting: 'general_practice' },
  { code: 'link_worker', label: 'Link worker or community links practitioner', setting: 'link_worker' },
  { code: 'community_org', label: 'Community or voluntary organisation', setting: 'community' },
  { code: 'steering_member', label: 'Steering group member not listed above', setting: null },
]

export const SETTING_LABELS: Record<Setting, string> = {
  general_practice: 'General practice',
  link_worker: 'Link workers',
  community: 'Community sector',
}

export function findRole(code: string): Role | undefined {
  return ROLES.find((role) => role.code === code)
}

/** Roles an invitation may preset: those that fix the setting, so the "About you" page can be skipped. */
export const PRESETTABLE_ROLES = ROLES.filter((role) => role.setting !== null).map((role) => role.code)
