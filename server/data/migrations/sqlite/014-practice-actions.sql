-- The action a practice's steering group agreed for one of its priorities on a wave's scorecard: what, who and when to
-- review it. One per practice, wave and scale; the next wave's scorecard shows it beside the change in that scale.
CREATE TABLE practice_action (
  id INTEGER PRIMARY KEY,
  practice_id INTEGER NOT NULL REFERENCES practice(id),
  wave_id INTEGER NOT NULL REFERENCES wave(id),
  questionnaire_id TEXT NOT NULL,
  -- The scale's path joined with '/', as the scores name it.
  scale TEXT NOT NULL,
  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 500),
  owner TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 100),
  -- YYYY-MM-DD.
  review_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by INTEGER REFERENCES staff_user(id),
  changed_at TEXT NOT NULL,
  changed_by INTEGER REFERENCES staff_user(id),
  UNIQUE (practice_id, wave_id, questionnaire_id, scale)
);
CREATE INDEX practice_action_wave ON practice_action(wave_id);
