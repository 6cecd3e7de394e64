-- Responses an evaluator sets aside from scoring (a flood of made-up starts on an open link, a test run), with the
-- reason. The responses themselves stay, and stay in the exports; restoring an exclusion brings them back.
CREATE TABLE response_exclusion (
  id INTEGER PRIMARY KEY,
  wave_id INTEGER NOT NULL REFERENCES wave(id),
  -- Null: every practice of the wave.
  practice_id INTEGER REFERENCES practice(id),
  -- The window of started_at the exclusion covers, as UTC ISO-8601 text: from inclusive, to exclusive.
  started_from TEXT NOT NULL,
  started_to TEXT NOT NULL,
  open_link_only INTEGER NOT NULL CHECK (open_link_only IN (0, 1)),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  excluded_at TEXT NOT NULL,
  excluded_by INTEGER REFERENCES staff_user(id),
  restored_at TEXT,
  restored_by INTEGER REFERENCES staff_user(id),
  CHECK (started_from < started_to)
);
CREATE INDEX response_exclusion_wave ON response_exclusion(wave_id);

-- Which responses an exclusion set aside, fixed when it was made: a response started later in the window is not
-- set aside without anyone seeing it.
CREATE TABLE excluded_response (
  exclusion_id INTEGER NOT NULL REFERENCES response_exclusion(id),
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  PRIMARY KEY (exclusion_id, response_id)
);
CREATE INDEX excluded_response_response ON excluded_response(response_id);
