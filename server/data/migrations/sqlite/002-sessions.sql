-- express-session data; expires_at in milliseconds since the epoch.
CREATE TABLE session (
  sid TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX session_expires ON session(expires_at);
