// A wave's personal invitations as a mail-merge list: a row per invitation, for letters or e-mails a practice sends.
import type { InvitationListing } from '../domain/invitation.js'
import { formatShortCode } from '../survey/short-codes.js'

export const INVITATION_COLUMNS = ['practice_code', 'practice_name', 'preset_role', 'link', 'short_code', 'code_page'] as const

/** No column says whether an invitation was used: the list goes to whoever sends the letters, who knows who got each. */
export function invitationRows(listing: readonly InvitationListing[], baseUrl: string): Record<(typeof INVITATION_COLUMNS)[number], string>[] {
  return listing.map((i) => ({
    practice_code: i.practiceCode,
    practice_name: i.practiceName,
    preset_role: i.presetRole ?? '',
    link: `${baseUrl}/s/${i.token}`,
    short_code: i.shortCode ? formatShortCode(i.shortCode) : '',
    code_page: `${baseUrl}/code`,
  }))
}
