// The e-mail side of personal invitations: an address is held only to send the invitation and remind, and is shown to
// staff only as counts.

/** A message to send: where, and the invitation it carries. */
export interface AddressedInvitation {
  /** The address row's own id. */
  id: number
  address: string
  token: string
  shortCode: string | null
}

/** What a wave's address list comes to for one practice, in counts only. */
export interface AddressCounts {
  practiceId: number
  addresses: number
  sent: number
  bounced: number
  /** Invitations of these addresses that have been opened and a response started (finished or not). */
  started: number
  submitted: number
  reminders: number
}

export const NO_ADDRESS_COUNTS: Omit<AddressCounts, 'practiceId'> = Object.freeze({ addresses: 0, sent: 0, bounced: 0, started: 0, submitted: 0, reminders: 0 })
