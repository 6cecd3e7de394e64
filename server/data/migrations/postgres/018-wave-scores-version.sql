-- A counter per wave, raised in the same transaction as every write that changes what the wave's scores are computed
-- from (a response sent, an exclusion made or restored, the wave's questionnaires changed). Each app process keeps the
-- scores it computed under the version it read, and reads this one row per request: a submit through another process
-- on the same database is seen by the next scorecard. A wave without a row is at version 0.
CREATE TABLE wave_scores_version (
  wave_id integer PRIMARY KEY REFERENCES wave(id),
  version integer NOT NULL CHECK (version > 0)
);
