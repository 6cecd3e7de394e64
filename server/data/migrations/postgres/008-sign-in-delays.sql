-- Failed sign-ins lead to a growing wait instead of a 15-minute lock: counted per e-mail address tried and per client
-- address (a hash of it, never the address), the wait reckoned from the last failure, so it needs no lock column.
ALTER TABLE sign_in_failure RENAME COLUMN email TO key;
ALTER TABLE sign_in_failure DROP COLUMN locked_until;
CREATE INDEX sign_in_failure_last_failed ON sign_in_failure(last_failed_at);
