/** Input that the page itself could never have sent: an unknown field, or an option that is not offered. */
export class TamperedInputError extends Error {}
