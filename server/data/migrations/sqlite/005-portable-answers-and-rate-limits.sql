-- Answers get an id of their own, so "in the order they were saved" is a column both databases have (it was SQLite's
-- rowid, which is kept as the id). The old primary key stays as a unique constraint: one row per value.
CREATE TABLE answer_new (
  id INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  questionnaire_id TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  value TEXT NOT NULL,
  UNIQUE (response_id, questionnaire_id, item_id, value),
  FOREIGN KEY (questionnaire_id, questionnaire_version) REFERENCES questionnaire_version(questionnaire_id, version)
);
INSERT INTO answer_new (id, response_id, questionnaire_id, questionnaire_version, item_id, value)
  SELECT rowid, response_id, questionnaire_id, questionnaire_version, item_id, value FROM answer ORDER BY rowid;
DROP TABLE answer;
ALTER TABLE answer_new RENAME TO answer;
CREATE INDEX answer_questionnaire_version ON answer(questionnaire_id, questionnaire_version);

-- Request counts per client address and limit, shared by every app process on the database (express-rate-limit's store);
-- resets_at in milliseconds since the epoch. The key is a hash of a limit's name and a client address, never the address.
CREATE TABLE rate_limit (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL CHECK (hits >= 1),
  resets_at INTEGER NOT NULL
);
CREATE INDEX rate_limit_resets ON rate_limit(resets_at);
