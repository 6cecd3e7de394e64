-- A free-text answer an evaluator hid from the practice's scorecard (it named a person, say). The answer itself stays,
-- in the exports for evaluators; the scorecard leaves it out and says how many were hidden. Who hid it and when is
-- also in the audit log.
CREATE TABLE hidden_text_answer (
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  questionnaire_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  hidden_at TEXT NOT NULL,
  hidden_by INTEGER REFERENCES staff_user(id),
  PRIMARY KEY (response_id, questionnaire_id, item_id)
);
