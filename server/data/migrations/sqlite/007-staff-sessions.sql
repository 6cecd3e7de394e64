-- A staff member can list and end their own sessions: whose each is, when they signed in and when it was last used, and an
-- opaque handle the page names it by (never the session id, which is the cookie's secret). NULL for respondents' sessions.
-- No foreign key: a session outliving its account is harmless, since every request checks the account.
ALTER TABLE session ADD COLUMN user_id INTEGER;
ALTER TABLE session ADD COLUMN handle TEXT;
ALTER TABLE session ADD COLUMN signed_in_at INTEGER;
ALTER TABLE session ADD COLUMN last_active_at INTEGER;
CREATE INDEX session_staff_user ON session(user_id);
