// The condition every score and count shares: a response that no exclusion in force has set aside.
import type { ExpressionBuilder } from 'kysely'
import type { Schema } from '../schema.js'

/** A query that names its response table `r`. */
type OverResponses = ExpressionBuilder<Schema & { r: Schema['response'] }, 'r'>

/** The exclusions in force that set response `r` aside: empty when there are none. */
export const exclusionsInForce = (eb: OverResponses) =>
  eb
    .selectFrom('excluded_response as x')
    .innerJoin('response_exclusion as e', 'e.id', 'x.exclusion_id')
    .select('x.response_id')
    .whereRef('x.response_id', '=', 'r.id')
    .where('e.restored_at', 'is', null)

export const notExcluded = (eb: OverResponses) => eb.not(eb.exists(exclusionsInForce(eb)))

/** 1 when an exclusion in force sets response `r` aside, else 0 (SQLite has no booleans to return). */
export const excludedFlag = (eb: OverResponses) =>
  eb
    .case()
    .when(eb.exists(exclusionsInForce(eb)))
    .then(1)
    .else(0)
    .end()
