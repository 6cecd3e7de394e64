-- express-session data; expires_at in milliseconds since the epoch.
CREATE TABLE session (
  sid text COLLATE "C" PRIMARY KEY,
  data text COLLATE "C" NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX session_expires ON session(expires_at);
