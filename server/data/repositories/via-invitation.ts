import type { ExpressionBuilder } from 'kysely'
import type { Schema } from '../schema.js'

/** 1 when response `r` came through a personal invitation, else 0: SQLite has no booleans to return. */
export const viaInvitation = (eb: ExpressionBuilder<Schema & { r: Schema['response'] }, 'r'>) =>
  eb.case().when('r.invitation_id', 'is not', null).then(1).else(0).end()
