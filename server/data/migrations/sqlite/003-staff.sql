-- Staff accounts, what each may see, sign-in lock-outs and the audit log.
-- Respondents stay anonymous: nothing here refers to a response. No table holds an IP address.

CREATE TABLE staff_user (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'evaluator', 'steering')),
  -- scrypt$N$r$p$salt$hash (see server/services/passwords.ts); never the password itself.
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled_at TEXT
);

-- Evaluators see whole programmes; steering group members see single practices.
CREATE TABLE staff_scope (
  user_id INTEGER NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
  programme_id INTEGER REFERENCES programme(id),
  practice_id INTEGER REFERENCES practice(id),
  CHECK ((programme_id IS NULL) <> (practice_id IS NULL))
);
CREATE UNIQUE INDEX staff_scope_programme ON staff_scope(user_id, programme_id) WHERE programme_id IS NOT NULL;
CREATE UNIQUE INDEX staff_scope_practice ON staff_scope(user_id, practice_id) WHERE practice_id IS NOT NULL;

-- Wrong passwords in a row, per e-mail address tried (whether or not it has an account, so a lock-out reveals nothing).
CREATE TABLE sign_in_failure (
  email TEXT PRIMARY KEY COLLATE NOCASE,
  failures INTEGER NOT NULL CHECK (failures >= 1),
  last_failed_at TEXT NOT NULL,
  locked_until TEXT
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id INTEGER REFERENCES staff_user(id),
  actor_email TEXT,
  source TEXT NOT NULL CHECK (source IN ('web', 'command line', 'start-up')),
  action TEXT NOT NULL,
  -- JSON; never a password.
  detail TEXT
);
CREATE INDEX audit_log_actor ON audit_log(actor_user_id);
