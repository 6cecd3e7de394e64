// A write refused because another (process or request) stored the same unique value first.
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown }
  // PostgreSQL's SQLSTATE, or SQLite's extended result codes for a unique index or primary key.
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
